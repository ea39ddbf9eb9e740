import { z } from 'zod';
import { DEFAULT_DIAL_CODES } from '../../../../shared/domain/dialCodes';
import { DEFAULT_MULTIPLE_LOGIN_POLICY, MULTIPLE_LOGIN_POLICIES } from '../../../../shared/domain/multipleLogins';
import { PIN_MAX_LENGTH, PIN_MIN_LENGTH_DEFAULT, PIN_MIN_LENGTH_RANGE } from '../../../../shared/domain/pinPolicy';
import type { DocumentSpec } from '../migrations';
import { instantSchema, secretHashSchema } from './common';

/** A dial code: `*` or `#` first, then digits, `*` or `#` (e.g. `*77*`, `*999`). */
export const dialCodeSchema = z.string().regex(/^[*#][0-9*#]{1,9}$/, 'must start with * or # and use only digits, * and # (2–10 characters)');

export const dialCodesSchema = z.object({
  login: dialCodeSchema,
  logout: dialCodeSchema,
  voicemail: dialCodeSchema,
  pickup: dialCodeSchema,
});

export const dialCodesSpec: DocumentSpec<z.infer<typeof dialCodesSchema>> = {
  kind: 'hotdesk.dial-codes',
  version: 1,
  schema: dialCodesSchema,
  migrations: {},
  initial: () => ({ ...DEFAULT_DIAL_CODES }),
};

/** Where emergency-call notifications are POSTed, and the secret their HMAC-SHA256 signature is made with. */
export const emergencyWebhookSchema = z.object({
  url: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).max(2048),
  secret: z.string().min(16, 'must be at least 16 characters').max(256),
});
export type EmergencyWebhook = z.infer<typeof emergencyWebhookSchema>;

export const multipleLoginPolicySchema = z.enum(MULTIPLE_LOGIN_POLICIES);

/** PBX-wide hot-desk settings. */
export const pbxSettingsSchema = z.object({
  pinMinLength: z.number().int().min(PIN_MIN_LENGTH_RANGE.min).max(Math.min(PIN_MIN_LENGTH_RANGE.max, PIN_MAX_LENGTH)),
  emergencyWebhook: emergencyWebhookSchema.nullable(),
  /** A user who logs in on a second device: `logout-other` ends the first session, `deny` refuses, `allow` keeps both. */
  multipleLogins: multipleLoginPolicySchema,
});
export type PbxSettings = z.infer<typeof pbxSettingsSchema>;

export const pbxSettingsSpec: DocumentSpec<PbxSettings> = {
  kind: 'hotdesk.settings',
  version: 3,
  schema: pbxSettingsSchema,
  migrations: {
    // Version 2 adds the emergency webhook, off; version 3 the multiple-login policy, at its default.
    1: (data) => ({ ...(data as object), emergencyWebhook: null }),
    2: (data) => ({ ...(data as object), multipleLogins: DEFAULT_MULTIPLE_LOGIN_POLICY }),
  },
  initial: () => ({ pinMinLength: PIN_MIN_LENGTH_DEFAULT, emergencyWebhook: null, multipleLogins: DEFAULT_MULTIPLE_LOGIN_POLICY }),
};

/** The installed licence token (verified again at every start), or none. */
export const licenceDataSchema = z.object({
  token: z.string().max(8192).nullable(),
  installedAt: instantSchema.nullable(),
});
export type LicenceData = z.infer<typeof licenceDataSchema>;

export const licenceSpec: DocumentSpec<LicenceData> = {
  kind: 'hotdesk.licence',
  version: 1,
  schema: licenceDataSchema,
  migrations: {},
  initial: () => ({ token: null, installedAt: null }),
};

/**
 * The admin console's credentials. `origin` says where the password came from: the public demo default, generated
 * at first start of site mode (and printed once), or set by an administrator.
 */
export const adminCredentialsSchema = z
  .object({
    user: z.string().min(1).max(64),
    password: secretHashSchema,
    origin: z.enum(['demo-default', 'generated', 'set']),
    changedAt: instantSchema,
  })
  .nullable();
export type AdminCredentialsData = z.infer<typeof adminCredentialsSchema>;

export const adminCredentialsSpec: DocumentSpec<AdminCredentialsData> = {
  kind: 'hotdesk.admin',
  version: 1,
  schema: adminCredentialsSchema,
  migrations: {},
  initial: () => null,
};
