import { z } from 'zod';
import { EMPTY_DISPATCHABLE_LOCATION } from '../../../../shared/domain/dispatchableLocation';
import { parseMac } from '../../../../shared/domain/mac';
import { DEVICE_PUBLIC_KEY } from '../../../../shared/sip/deviceProof';
import type { DocumentSpec, MigrationContext } from '../migrations';
import { canonicalMacSchema, extensionNumberSchema, instantSchema, poolNameSchema, sipSecretSchema } from './common';
import { DEFAULT_HOT_DESK_OPTIONS, hotDeskOptionsSchema } from '../../../../shared/contracts';

export const sbcSchema = z.object({
  host: z.string().min(1).max(253),
  port: z.number().int().min(1).max(65_535),
});
export type Sbc = z.infer<typeof sbcSchema>;

export const provisioningMethodSchema = z.enum(['pnp', 'url']);
export type ProvisioningMethod = z.infer<typeof provisioningMethodSchema>;

/** The secret part of a device's provisioning URL: 128 random bits, base64url. */
export const provisioningTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/);

/** The device key bound by the admin's Assign (README, "Device enrolment"): raw Ed25519 public key, base64url. */
export const deviceKeySchema = z.object({
  publicKey: z.string().regex(DEVICE_PUBLIC_KEY),
  enrolledAt: instantSchema,
});
export type DeviceKey = z.infer<typeof deviceKeySchema>;
/** A user logged in on the device by hot desking: which extension, since when. */
export const deviceSessionSchema = z.object({
  extension: extensionNumberSchema,
  since: instantSchema,
});
export type DeviceSession = z.infer<typeof deviceSessionSchema>;

export const deviceRecordSchema = z.object({
  name: poolNameSchema,
  mac: canonicalMacSchema,
  provisioning: provisioningMethodSchema,
  sbc: sbcSchema.nullable(),
  /** Always null: hot-desking devices use the built-in provisioning template only. */
  template: z.null(),
  options: hotDeskOptionsSchema,
  token: provisioningTokenSchema,
  /** The pool identity's SIP credentials (user = name). */
  sip: sipSecretSchema,
  /** The enrolled device key; null until the admin assigns a phone that proved one. */
  key: deviceKeySchema.nullable(),
  /** Who is logged in (hot desking), or null when the device is idle as its pool identity. */
  session: deviceSessionSchema.nullable(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type DeviceRecord = z.infer<typeof deviceRecordSchema>;

export const devicesDataSchema = z.object({ devices: z.array(deviceRecordSchema) });
export type DevicesData = z.infer<typeof devicesDataSchema>;

export function newProvisioningToken(context: Pick<MigrationContext, 'randomBytes'>): string {
  return context.randomBytes(16).toString('base64url');
}

/**
 * Version 0 is the pre-release file: a bare array of `{ name, mac, options }` (the in-memory device list of the first
 * PBX). Version 1 wraps the list and adds the provisioning method, SBC, template, the extended options, a
 * provisioning token and pool credentials.
 */
function migrateV0(data: unknown, context: MigrationContext): unknown {
  if (!Array.isArray(data)) throw new Error('expected a list of devices');
  const at = context.now().toISOString();
  return {
    devices: data.map((raw: unknown, index) => {
      const device = (raw ?? {}) as { name?: unknown; mac?: unknown; options?: unknown };
      const mac = typeof device.mac === 'string' ? parseMac(device.mac) : null;
      if (typeof device.name !== 'string' || mac === null) throw new Error(`device ${index + 1} has no name or MAC`);
      return {
        name: device.name,
        mac,
        provisioning: 'pnp',
        sbc: null,
        template: null,
        options: { ...DEFAULT_HOT_DESK_OPTIONS, ...(typeof device.options === 'object' ? device.options : {}) },
        token: newProvisioningToken(context),
        sip: context.newSipSecret(device.name),
        createdAt: at,
        updatedAt: at,
      };
    }),
  };
}

/**
 * Version 2 adds the enrolled device key (none yet). Version 1 served a device's document to anyone who named its MAC,
 * so every token and pool password of that era counts as known: both are made anew.
 */
function migrateV1(data: unknown, context: MigrationContext): unknown {
  const devices = (data as { devices?: unknown })?.devices;
  if (!Array.isArray(devices)) throw new Error('expected { devices: [...] }');
  return {
    devices: devices.map((raw: unknown, index) => {
      const device = (raw ?? {}) as Record<string, unknown>;
      if (typeof device.name !== 'string') throw new Error(`device ${index + 1} has no name`);
      return { ...device, token: newProvisioningToken(context), sip: context.newSipSecret(device.name), key: null };
    }),
  };
}

/**
 * Version 3 adds the structured dispatchable location. A version 2 device had only the `location` string; it becomes
 * the location's free text, so the short form (and the display) stays exactly what it was.
 */
function migrateV2(data: unknown): unknown {
  const { devices } = (data ?? {}) as { devices?: unknown };
  if (!Array.isArray(devices)) throw new Error('expected a list of devices');
  return {
    devices: devices.map((raw: unknown) => {
      const device = (raw ?? {}) as { options?: { location?: unknown } };
      const options = device.options ?? {};
      const text = typeof options.location === 'string' ? options.location : '';
      return { ...device, options: { ...options, dispatchableLocation: { ...EMPTY_DISPATCHABLE_LOCATION, text } } };
    }),
  };
}

/** Version 4 adds the hot-desk session; every device of a version 3 file is idle. */
function migrateV3(data: unknown): unknown {
  const devices = (data as { devices?: unknown })?.devices;
  if (!Array.isArray(devices)) throw new Error('expected { devices: [...] }');
  return { devices: devices.map((device: unknown) => ({ ...(device as object), session: null })) };
}

export const devicesSpec: DocumentSpec<DevicesData> = {
  kind: 'hotdesk.devices',
  version: 4,
  schema: devicesDataSchema,
  migrations: { 0: migrateV0, 1: migrateV1, 2: migrateV2, 3: migrateV3 },
  initial: () => ({ devices: [] }),
};
