import { z } from 'zod';
import { type ConsoleAuditEvent, type ConsoleDevice, type ConsoleEmergencyCall, type ConsoleExtension, type ConsoleLicence, type ConsolePhone, type ConsolePinReset, type ConsolePromptSet, type ConsoleSession, hotDeskOptionsSchema } from '../../../shared/contracts';
import { isLocked } from '../../../shared/domain/pinLockout';
import { type AuditEvent, blfPositionSchema, canonicalMacSchema, type DeviceRecord, extensionNumberSchema, type ExtensionRecord, instantSchema, type PbxSettings, pbxSettingsSchema, type PendingPhone, pendingPhoneSchema, poolNameSchema, provisioningMethodSchema, sbcSchema } from '../store';
import { deviceKeyFingerprint, editionSchema, type EmergencyCallEvent } from '../core';
import type { PromptSetStatus } from '../media';

// What the admin API answers. Hashes, HA1s and provisioning tokens never appear here except inside the device's
// provisioning URL, which the administrator needs for the "url" provisioning method.

export const deviceStatusSchema = z.enum(['idle', 'logged-in', 'offline']);
export type DeviceStatus = z.infer<typeof deviceStatusSchema>;

export const deviceDtoSchema = z.object({
  name: poolNameSchema,
  mac: canonicalMacSchema,
  status: deviceStatusSchema,
  /** The logged-in user's extension, else null. */
  extension: z.string().nullable(),
  /** The logged-in user's name, else null. */
  userName: z.string().nullable(),
  /** Since when the device is logged in (ISO 8601), else null. */
  since: instantSchema.nullable(),
  /** When the device (as its pool identity or as its user) last registered (ISO 8601); null when not since the PBX started. */
  lastRegistration: instantSchema.nullable(),
  location: z.string(),
  provisioning: z.object({ method: provisioningMethodSchema, url: z.string().nullable() }),
  sbc: sbcSchema.nullable(),
  template: z.null(),
  options: hotDeskOptionsSchema,
  enrolment: z
    .object({
      fingerprint: z.string().describe('SHA-256 of the raw Ed25519 public key, base64url: compare it with the one the device shows'),
      enrolledAt: instantSchema,
    })
    .nullable()
    .describe('The device key the device is enrolled to (README, "Device enrolment"); null until a phone is assigned to it'),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type DeviceDto = z.infer<typeof deviceDtoSchema>;

export interface DeviceLiveState {
  status: DeviceStatus;
  extension: string | null;
  userName: string | null;
  since: Date | null;
  lastRegistration: Date | null;
}

export function deviceDto(device: DeviceRecord, live: DeviceLiveState, provisioningUrl: string | null): DeviceDto {
  return {
    name: device.name,
    mac: device.mac,
    status: live.status,
    extension: live.extension,
    userName: live.userName,
    since: live.since?.toISOString() ?? null,
    lastRegistration: live.lastRegistration?.toISOString() ?? null,
    location: device.options.location,
    provisioning: { method: device.provisioning, url: provisioningUrl },
    sbc: device.sbc,
    template: null,
    options: device.options,
    enrolment: device.key ? { fingerprint: deviceKeyFingerprint(device.key.publicKey), enrolledAt: device.key.enrolledAt } : null,
    createdAt: device.createdAt,
    updatedAt: device.updatedAt,
  };
}

export const phoneDtoSchema = pendingPhoneSchema.omit({ publicKey: true }).extend({
  /** The hot-desking device set up for this MAC, if any (the one "Assign Ext" maps it to). */
  device: poolNameSchema.nullable(),
  fingerprint: z
    .string()
    .nullable()
    .describe('Fingerprint of the device key the phone proved (SHA-256 of the raw Ed25519 public key, base64url); null: it proved none and cannot be assigned'),
  keyMismatch: z
    .boolean()
    .describe("True when this MAC's device is enrolled to another key: the request is not from the enrolled device (it got no provisioning URL)"),
});
export type PhoneDto = z.infer<typeof phoneDtoSchema>;

export function phoneDto(phone: PendingPhone, device: DeviceRecord | null): PhoneDto {
  const { publicKey, ...rest } = phone;
  return {
    ...rest,
    device: device?.name ?? null,
    fingerprint: publicKey === null ? null : deviceKeyFingerprint(publicKey),
    keyMismatch: device?.key != null && device.key.publicKey !== publicKey,
  };
}

export const extensionDtoSchema = z.object({
  extension: extensionNumberSchema,
  name: z.string(),
  hotDesking: z.boolean(),
  /** Whether a PIN is set; the PIN itself is write-only. */
  pinSet: z.boolean(),
  blf: z.array(blfPositionSchema),
  sip: z.object({ authUser: z.string(), realm: z.string() }),
  /** Whether hot-desk login is locked after too many wrong PINs; PATCH `{"locked": false}` unlocks. */
  locked: z.boolean(),
  /** Until when it is locked (ISO 8601), else null. */
  lockedUntil: instantSchema.nullable(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type ExtensionDto = z.infer<typeof extensionDtoSchema>;

export const createdExtensionDtoSchema = extensionDtoSchema.extend({
  /** Shown once, at creation: only the HA1 is stored. */
  sipPassword: z.string(),
});

/** An extension as the API shows it; `now` decides whether a PIN lockout is still in force. */
export function extensionDto(record: ExtensionRecord, now: Date): ExtensionDto {
  const locked = isLocked(record.lockedUntil === null ? null : Date.parse(record.lockedUntil), now.getTime());
  return {
    extension: record.extension,
    name: record.name,
    hotDesking: record.hotDesking,
    pinSet: record.pin !== null,
    blf: record.blf,
    sip: { authUser: record.extension, realm: record.sip.realm },
    locked,
    lockedUntil: locked ? record.lockedUntil : null,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

/** A PIN the PBX made up (PIN reset): answered once, never stored or shown again (only its hash is kept). */
export const pinResetDtoSchema = z.object({ extension: extensionNumberSchema, pin: z.string().regex(/^[0-9]{4,16}$/) });

export const licenceDtoSchema = z.object({
  edition: editionSchema,
  source: z.enum(['installed', 'built-in-demo', 'none']),
  state: z.enum(['valid', 'expired', 'invalid', 'none']),
  licensee: z.string().nullable(),
  issued: z.string().nullable(),
  expires: z.string().nullable(),
  maxHotDeskDevices: z.number().int().nullable(),
  hotDesking: z.boolean(),
  problem: z.string().nullable(),
});

export const errorDtoSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});

export const assignResultSchema = z.object({ mac: canonicalMacSchema, device: deviceDtoSchema });

/** The PBX settings as the API shows them: the webhook's secret is write-only. */
export const settingsDtoSchema = pbxSettingsSchema.extend({
  emergencyWebhook: z.object({ url: z.string(), secretSet: z.literal(true) }).nullable(),
});

export function settingsDto(settings: PbxSettings): z.infer<typeof settingsDtoSchema> {
  const { emergencyWebhook, ...rest } = settings;
  return { ...rest, emergencyWebhook: emergencyWebhook ? { url: emergencyWebhook.url, secretSet: true } : null };
}

export const sessionDtoSchema = z.object({
  user: z.string(),
  /** A session ends after this many seconds without a request. */
  idleTimeoutSeconds: z.number().int().positive(),
});

export const promptSetDtoSchema = z.object({
  state: z.enum(['current', 'outdated', 'damaged']).describe('outdated: older than required, every prompt plays "file not found"; damaged: some prompts are missing or broken'),
  requiredVersion: z.number().int().describe('The prompt-set version this PBX requires'),
  installedVersion: z.number().int().nullable().describe('The version of the set that plays; null when its manifest is unreadable'),
  source: z.enum(['installed', 'bundled']).describe('installed: a set under the PBX data dir; bundled: none is installed and the set shipped with the PBX plays'),
  bundledVersion: z.number().int().nullable().describe('The version of the set shipped with the PBX, which Update installs'),
  updatable: z.boolean().describe('Whether Update would make the set current'),
  missing: z.array(z.string()).describe('Prompt ids that cannot be played'),
  problems: z.array(z.string()).describe('What is wrong, each naming the file'),
});

export function promptSetDto(status: PromptSetStatus): z.infer<typeof promptSetDtoSchema> {
  return { ...status, missing: [...status.missing], problems: [...status.problems] };
}

// The console reads these shapes (shared/contracts); a DTO that stops fitting them fails to compile.
const consoleShapes: [
  DeviceDto extends ConsoleDevice ? true : never,
  PhoneDto extends ConsolePhone ? true : never,
  z.infer<typeof sessionDtoSchema> extends ConsoleSession ? true : never,
  EmergencyCallEvent extends ConsoleEmergencyCall ? true : never,
  ExtensionDto extends ConsoleExtension ? true : never,
  z.infer<typeof pinResetDtoSchema> extends ConsolePinReset ? true : never,
  z.infer<typeof licenceDtoSchema> extends ConsoleLicence ? true : never,
  z.infer<typeof promptSetDtoSchema> extends ConsolePromptSet ? true : never,
  AuditEvent extends ConsoleAuditEvent ? true : never,
] = [true, true, true, true, true, true, true, true, true];
void consoleShapes;
