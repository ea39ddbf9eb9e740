import { z } from 'zod';
import { DEMO_EMERGENCY_NUMBERS } from '../domain/demoSeed';
import { dispatchableLocationSchema, EMPTY_DISPATCHABLE_LOCATION } from '../domain/dispatchableLocation';

/** A BCP 47 language tag as the device Options and the device's settings take it. */
export const languageTagSchema = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag like en or en-GB');

export const timeFormatSchema = z.enum(['24h', '12h']);

/**
 * A device's Options: the device's own, never the roaming user's. Stored by the PBX, served in the provisioning
 * document, edited through the admin API; the phone screen sees the first five fields over the bridge.
 *
 * The schemas strip unknown keys, as the PBX's stored records do; the wire boundaries that refuse them (the
 * provisioning document, the admin API's request bodies) wrap the shapes in z.strictObject.
 */
export const deviceOptionsSchema = z.object({
  location: z.string(),
  timeZone: z.string(),
  timeFormat: timeFormatSchema,
  keysPerPage: z.number().int().min(1).max(48),
  emergencyNumbers: z.array(z.string().regex(/^[0-9]{2,6}$/)),
  /** A second caller during a call rings softly and waits (absent: on); off, they hear busy. */
  callWaiting: z.boolean().optional(),
});
export type DeviceOptions = z.infer<typeof deviceOptionsSchema>;

/** Whether the device lets a second call wait (the option is on unless set to false). */
export function callWaitingOn(options: Pick<DeviceOptions, 'callWaiting'>): boolean {
  return options.callWaiting !== false;
}

/** Auto-logout timers; null switches a timer off. */
export const autoLogoutSchema = z.object({
  /** Log out after this many minutes without a call or key press. */
  idleMinutes: z.number().int().min(1).max(24 * 60).nullable(),
  /** Log out this many minutes after login, whatever the activity. */
  maxSessionMinutes: z.number().int().min(1).max(7 * 24 * 60).nullable(),
  /** Log out every day at this local time of the device's time zone (HH:MM, 24 h). */
  dailyAt: z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'must be a time like 18:30').nullable(),
});
export type AutoLogout = z.infer<typeof autoLogoutSchema>;

/**
 * A hot-desking device's Options: the phone screen's plus the desk's dispatchable location (whose short form is
 * `location`), language, ring tone and the auto-logout timers.
 */
export const hotDeskOptionsSchema = deviceOptionsSchema.extend({
  dispatchableLocation: dispatchableLocationSchema,
  language: languageTagSchema,
  ringTone: z.string().regex(/^[a-z0-9-]{1,32}$/, 'must be a ring tone name like classic'),
  autoLogout: autoLogoutSchema,
});
export type HotDeskOptions = z.infer<typeof hotDeskOptionsSchema>;

export const DEFAULT_DEVICE_OPTIONS: DeviceOptions = {
  location: '',
  timeZone: 'UTC',
  timeFormat: '24h',
  keysPerPage: 6,
  emergencyNumbers: [...DEMO_EMERGENCY_NUMBERS],
};

export const DEFAULT_AUTO_LOGOUT: AutoLogout = { idleMinutes: null, maxSessionMinutes: null, dailyAt: null };

export const DEFAULT_HOT_DESK_OPTIONS: HotDeskOptions = {
  ...DEFAULT_DEVICE_OPTIONS,
  dispatchableLocation: EMPTY_DISPATCHABLE_LOCATION,
  language: 'en',
  ringTone: 'classic',
  autoLogout: { ...DEFAULT_AUTO_LOGOUT },
};
