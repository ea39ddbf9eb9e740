import { z } from 'zod';
import { languageTagSchema, timeFormatSchema } from './deviceOptions';

const macPattern = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/;

/** A manual SIP account as it is written (the password is write-only: it goes in, it never comes back out). */
export const sipAccountSchema = z.object({
  webSocketUrl: z.string().regex(/^wss?:\/\/\S+$/, 'must be a ws:// or wss:// URL'),
  uri: z.string().regex(/^sips?:[^\s@]+@[^\s@]+$/, 'must be a SIP URI like sip:101@example.com'),
  authUser: z.string().min(1, 'must not be empty').max(128),
  password: z.string().min(1, 'must not be empty').max(256),
  displayName: z.string().max(128).default(''),
});
export type SipAccount = z.infer<typeof sipAccountSchema>;

/** A manual account in a settings patch: leave the password out to keep the one the host already holds. */
export const sipAccountPatchSchema = sipAccountSchema.extend({ password: sipAccountSchema.shape.password.optional() }).strict();

/** A manual account as the host shows it: whether it holds a password, never the password. */
export const publicSipAccountSchema = sipAccountSchema.omit({ password: true }).extend({ hasPassword: z.boolean() });
export type PublicSipAccount = z.infer<typeof publicSipAccountSchema>;

export const themeSchema = z.enum(['system', 'light', 'dark']);
export const modeSchema = z.enum(['demo', 'site', 'external']);
export type Mode = z.infer<typeof modeSchema>;

/** The admin PIN that guards the device's mode, identity and SIP account (README, "Security model"). */
export const adminPinSchema = z.string().regex(/^[0-9]{4,12}$/, 'must be 4 to 12 digits');

/**
 * A provisioning URL typed in settings: http or https only (no `file:`, `data:` or other schemes for the host to
 * fetch) and no user name or password in it.
 */
export const provisioningUrlSchema = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
  .max(2048)
  .regex(/^https?:\/\/[^/?#@\s]+([/?#]\S*)?$/i, 'must be an http:// or https:// URL without a user name or password');

/** Hosts a plain ws:// site PBX may have: this machine only. */
function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * The WebSocket SIP address of the site PBX a device joins in `site` mode (README, "Site deployment"): wss, or ws to
 * this machine only — plug-and-play and its provisioning URL must not cross the LAN in clear, where a NOTIFY could be
 * forged — and no user name or password in it.
 */
export const sitePbxUrlSchema = z
  .url({ protocol: /^wss?$/, error: 'must be a ws:// or wss:// URL' })
  .max(2048)
  .regex(/^wss?:\/\/[^/?#@\s]+([/?#]\S*)?$/i, 'must be a ws:// or wss:// URL without a user name or password')
  .refine((url) => !/^ws:/i.test(url) || isLoopbackHost(hostOf(url)), 'must be a wss:// URL (ws:// only to this machine)');

/** The host of a URL the regex above has already checked (the shared layer has no `URL` type). */
function hostOf(url: string): string {
  return /^wss?:\/\/(\[[^\]]*\]|[^/:?#]*)/i.exec(url)?.[1]?.toLowerCase() ?? '';
}

const audioSchema = z.object({ inputDeviceId: z.string().nullable(), outputDeviceId: z.string().nullable() });

/** Whether `Intl` takes the tag: what the display formats its date and time with must never throw. */
function isWellFormedTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** A media device id as `enumerateDevices()` reports it; null is the system default. */
const mediaDeviceIdSchema = z.string().max(256).nullable();

/** A volume in percent of full scale. */
export const volumeSchema = z.number().int('must be a whole number').min(0, 'must be 0 to 100').max(100, 'must be 0 to 100');

/** The fields as they may be written: no defaults here, so a partial patch never resets a field it does not name. */
const settingsFields = {
  mac: z.string().regex(macPattern, 'must be a MAC like 02:00:00:00:00:01').nullable(),
  kiosk: z.boolean(),
  mode: modeSchema,
  theme: themeSchema,
  provisioningUrl: provisioningUrlSchema.nullable(),
  sitePbxUrl: sitePbxUrlSchema.nullable(),
  audio: audioSchema,
  /** Where the phone rings; null: the speaker of `audio`. */
  ringerDeviceId: mediaDeviceIdSchema,
  ringVolume: volumeSchema,
  callVolume: volumeSchema,
  /** The language of the display's date and time. */
  language: languageTagSchema.max(35).refine(isWellFormedTag, 'must be a language tag like en or en-GB'),
  /** 24 or 12 hours; null follows the device's Options from provisioning. */
  timeFormat: timeFormatSchema.nullable(),
};

/** The settings as every bridge client sees them. Unknown keys are dropped; missing keys take the defaults. */
export const settingsSchema = z.object({
  mac: settingsFields.mac.default(null),
  kiosk: settingsFields.kiosk.default(false),
  mode: settingsFields.mode.default('demo'),
  theme: settingsFields.theme.default('system'),
  sipAccount: publicSipAccountSchema.nullable().default(null),
  provisioningUrl: settingsFields.provisioningUrl.default(null),
  sitePbxUrl: settingsFields.sitePbxUrl.default(null),
  audio: settingsFields.audio.default({ inputDeviceId: null, outputDeviceId: null }),
  ringerDeviceId: settingsFields.ringerDeviceId.default(null),
  ringVolume: settingsFields.ringVolume.default(80),
  callVolume: settingsFields.callVolume.default(100),
  language: settingsFields.language.default('en-US'),
  timeFormat: settingsFields.timeFormat.default(null),
});
export type Settings = z.infer<typeof settingsSchema>;

/**
 * A partial update from the UI: every field optional, but each given field fully valid. `adminPin` sets a new admin
 * PIN. Which fields need the current admin PIN is the device host's rule (electron/host/bridge/settingsAccess.ts).
 */
export const settingsPatchSchema = z
  .object({ ...settingsFields, sipAccount: sipAccountPatchSchema.nullable(), adminPin: adminPinSchema })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** The optional second argument of settings.update: the current admin PIN, for the fields it guards. */
export const adminAuthSchema = z.object({ adminPin: z.string().max(64) }).strict();
export type AdminAuth = z.infer<typeof adminAuthSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});
