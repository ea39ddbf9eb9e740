import { z } from 'zod';
import { dispatchableLocationSchema } from '../../../shared/domain/dispatchableLocation';
import { PIN_MIN_LENGTH_RANGE } from '../../../shared/domain/pinPolicy';
import { autoLogoutSchema, hotDeskOptionsSchema } from '../../../shared/contracts';
import { blfPositionSchema, dialCodeSchema, emergencyWebhookSchema, extensionNumberSchema, MAX_BLF_POSITIONS, multipleLoginPolicySchema, poolNameSchema, provisioningMethodSchema, sbcSchema } from '../store';

// Request bodies of the admin API. Strict objects: a misspelt field is a 400 naming it, never silently ignored.
// No transforms, so that each converts to the JSON Schema the OpenAPI document publishes.

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const base = hotDeskOptionsSchema.shape;

export const optionsPatchSchema = z.strictObject({
  location: z.string().max(200).optional(),
  timeZone: z.string().max(64).refine(isTimeZone, 'must be an IANA time zone like Europe/Berlin').optional(),
  timeFormat: base.timeFormat.optional(),
  keysPerPage: base.keysPerPage.optional(),
  emergencyNumbers: base.emergencyNumbers.min(1).max(10).optional(),
  language: base.language.optional(),
  ringTone: base.ringTone.optional(),
  callWaiting: base.callWaiting,
  autoLogout: z.strictObject(autoLogoutSchema.shape).partial().optional(),
  /** Any of the location's fields; `location` above is the API before they existed and sets the free text. */
  dispatchableLocation: z.strictObject(dispatchableLocationSchema.shape).partial().optional(),
});

const macInputSchema = z.string().min(1).max(32);

export const deviceCreateSchema = z.strictObject({
  mac: macInputSchema,
  provisioning: provisioningMethodSchema.optional(),
  sbc: z.strictObject(sbcSchema.shape).nullable().optional(),
  /** Must be null or absent: custom templates are refused on hot-desking devices. */
  template: z.string().max(128).nullable().optional(),
  options: optionsPatchSchema.optional(),
});

export const devicePatchSchema = z.strictObject({
  mac: macInputSchema.optional(),
  provisioning: provisioningMethodSchema.optional(),
  sbc: z.strictObject(sbcSchema.shape).nullable().optional(),
  template: z.string().max(128).nullable().optional(),
  options: optionsPatchSchema.optional(),
});

export const phoneAssignSchema = z.strictObject({
  device: poolNameSchema,
  /** The fingerprint the admin confirmed on the device; the assign is refused (409) if the phone's key is another. */
  fingerprint: z.string().regex(/^[A-Za-z0-9_-]{43}$/).optional(),
});

const blfListSchema = z.array(blfPositionSchema).max(MAX_BLF_POSITIONS);
const pinInputSchema = z.string().max(32);

export const extensionCreateSchema = z.strictObject({
  extension: extensionNumberSchema,
  name: z.string().min(1).max(64),
  hotDesking: z.boolean().optional(),
  pin: pinInputSchema.optional(),
  blf: blfListSchema.optional(),
});

export const extensionPatchSchema = z.strictObject({
  name: z.string().min(1).max(64).optional(),
  hotDesking: z.boolean().optional(),
  /** Write-only; null removes the PIN (hot-desk login is then refused). */
  pin: pinInputSchema.nullable().optional(),
  blf: blfListSchema.optional(),
  /** Only `false`: lifts a hot-desk PIN lockout (locks come from wrong PINs alone). */
  locked: z.literal(false).optional(),
});

/** `GET /extensions?q=`: a number or a part of a name. */
export const extensionQuerySchema = z.strictObject({ q: z.string().max(64).regex(/^[^\p{Cc}]*$/u, 'must not contain control characters').optional() });

export const hotDeskingBulkSchema = z.strictObject({
  /** The extensions to change, each once; unknown ones refuse the whole request. */
  extensions: z.array(extensionNumberSchema).min(1).max(1000).refine((list) => new Set(list).size === list.length, 'must not name an extension twice'),
  enabled: z.boolean(),
});

export const dialCodesPutSchema = z.strictObject({
  login: dialCodeSchema,
  logout: dialCodeSchema,
  voicemail: dialCodeSchema,
  pickup: dialCodeSchema,
});

export const licenceInstallSchema = z.strictObject({ token: z.string().min(1).max(4096) });

export const settingsPatchSchema = z.strictObject({
  pinMinLength: z.number().int().min(PIN_MIN_LENGTH_RANGE.min).max(PIN_MIN_LENGTH_RANGE.max).optional(),
  /** Where emergency-call notifications are POSTed (README, "Emergency calls"); null switches it off. */
  emergencyWebhook: z.strictObject(emergencyWebhookSchema.shape).nullable().optional(),
  multipleLogins: multipleLoginPolicySchema.optional(),
});

const instantQuery = z.iso.datetime({ offset: true }).optional();

export const auditQuerySchema = z.strictObject({
  since: instantQuery,
  until: instantQuery,
  /** The same as since / until. */
  from: instantQuery,
  to: instantQuery,
  extension: extensionNumberSchema.optional(),
  device: poolNameSchema.optional(),
  /** Comma-separated event kinds. */
  kind: z.string().regex(/^[a-z0-9.,-]{1,400}$/).optional(),
  limit: z.string().regex(/^[1-9][0-9]{0,5}$/).optional(),
  format: z.enum(['json', 'csv']).optional(),
});

/** The console's sign-in form. */
export const sessionCreateSchema = z.strictObject({
  user: z.string().min(1).max(64),
  password: z.string().min(1).max(1024),
});
