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

/** Everything the device keeps on disk. Unknown keys are dropped; missing keys take the defaults. */
export const settingsSchema = z.object({
  mac: z.string().regex(macPattern, 'must be a MAC like 02:00:00:00:00:01').nullable().default(null),
  kiosk: z.boolean().default(false),
  mode: modeSchema.default('demo'),
  theme: themeSchema.default('system'),
  sipAccount: sipAccountSchema.nullable().default(null),
  provisioningUrl: z.string().url().nullable().default(null),
  audio: z
    .object({ inputDeviceId: z.string().nullable().default(null), outputDeviceId: z.string().nullable().default(null) })
    .default({ inputDeviceId: null, outputDeviceId: null }),
});
export type Settings = z.infer<typeof settingsSchema>;

/** A partial update from the UI: every field optional, but each given field fully valid. */
export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});
