import { z } from 'zod';
import { deviceOptionsSchema, type DeviceOptions } from '../../../../shared/contracts';
import { DEMO_EMERGENCY_NUMBERS } from '../../../../shared/domain/demoSeed';
import { dispatchableLocationSchema, EMPTY_DISPATCHABLE_LOCATION } from '../../../../shared/domain/dispatchableLocation';

/** Auto-logout timers (PRODUCT.md §4); null switches a timer off. */
export const autoLogoutSchema = z.object({
  /** Log out after this many minutes without a call or key press. */
  idleMinutes: z.number().int().min(1).max(1440).nullable(),
  /** Log out this many minutes after login, whatever the activity. */
  maxSessionMinutes: z.number().int().min(1).max(10_080).nullable(),
  /** Log out every day at this local time of the device's time zone (HH:MM, 24 h). */
  dailyAt: z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'must be a time like 18:30').nullable(),
});
export type AutoLogout = z.infer<typeof autoLogoutSchema>;

/**
 * A hot-desking device's Options (PRODUCT.md §3): the device view's options plus language, ring tone, auto-logout
 * timers and the desk's dispatchable location (whose short form is `location`). They belong to the device and never
 * take a user's preferences.
 */
export const hotDeskOptionsSchema = deviceOptionsSchema.extend({
  dispatchableLocation: dispatchableLocationSchema,
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag like en or en-GB'),
  ringTone: z.string().regex(/^[a-z0-9-]{1,32}$/, 'must be a ring tone name like classic'),
  autoLogout: autoLogoutSchema,
});
export type HotDeskOptions = z.infer<typeof hotDeskOptionsSchema>;

/** The options the phone screen shows (shared/contracts DeviceOptions). */
export const DEFAULT_DEVICE_OPTIONS: DeviceOptions = {
  location: '',
  timeZone: 'UTC',
  timeFormat: '24h',
  keysPerPage: 6,
  emergencyNumbers: [...DEMO_EMERGENCY_NUMBERS],
};

export const DEFAULT_HOT_DESK_OPTIONS: HotDeskOptions = {
  ...DEFAULT_DEVICE_OPTIONS,
  dispatchableLocation: EMPTY_DISPATCHABLE_LOCATION,
  language: 'en',
  ringTone: 'classic',
  autoLogout: { idleMinutes: null, maxSessionMinutes: null, dailyAt: null },
};
