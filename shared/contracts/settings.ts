import { z } from 'zod';

const macPattern = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/;

export const sipAccountSchema = z.object({
  webSocketUrl: z.string().regex(/^wss?:\/\/\S+$/, 'must be a ws:// or wss:// URL'),
  uri: z.string().regex(/^sips?:[^\s@]+@[^\s@]+$/, 'must be a SIP URI like sip:101@example.com'),
  authUser: z.string().min(1).max(128),
  password: z.string().min(1).max(256),
  displayName: z.string().max(128).default(''),
});
export type SipAccount = z.infer<typeof sipAccountSchema>;

export const themeSchema = z.enum(['system', 'light', 'dark']);
export const modeSchema = z.enum(['demo', 'site', 'external']);
export type Mode = z.infer<typeof modeSchema>;

const audioSchema = z.object({ inputDeviceId: z.string().nullable(), outputDeviceId: z.string().nullable() });

/** The fields as they may be written: no defaults here, so a partial patch never resets a field it does not name. */
const settingsFields = {
  mac: z.string().regex(macPattern, 'must be a MAC like 02:00:00:00:00:01').nullable(),
  kiosk: z.boolean(),
  mode: modeSchema,
  theme: themeSchema,
  sipAccount: sipAccountSchema.nullable(),
  provisioningUrl: z.string().url().nullable(),
  audio: audioSchema,
};

/** Everything the device keeps on disk. Unknown keys are dropped; missing keys take the defaults. */
export const settingsSchema = z.object({
  mac: settingsFields.mac.default(null),
  kiosk: settingsFields.kiosk.default(false),
  mode: settingsFields.mode.default('demo'),
  theme: settingsFields.theme.default('system'),
  sipAccount: settingsFields.sipAccount.default(null),
  provisioningUrl: settingsFields.provisioningUrl.default(null),
  audio: settingsFields.audio.default({ inputDeviceId: null, outputDeviceId: null }),
});
export type Settings = z.infer<typeof settingsSchema>;

/** A partial update from the UI: every field optional, but each given field fully valid. */
export const settingsPatchSchema = z.object(settingsFields).partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});
