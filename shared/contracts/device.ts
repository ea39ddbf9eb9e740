import { z } from 'zod';
import { blfPositionSchema } from '../sip/blfPosition';
import { provisioningStatusSchema } from '../sip/provisioningStatus';
import { autoLogoutSchema, deviceOptionsSchema } from './deviceOptions';

export const deviceIdentitySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pool'), name: z.string() }),
  z.object({ kind: z.literal('user'), extension: z.string(), name: z.string() }),
  z.object({ kind: z.literal('account'), uri: z.string(), name: z.string() }),
]);
export type DeviceIdentity = z.infer<typeof deviceIdentitySchema>;

/** A hot-desk user's session: when they logged in (ISO 8601), when the PBX says so; null when it does not. */
export const sessionSchema = z.object({ since: z.iso.datetime().nullable() });
export type DeviceSession = z.infer<typeof sessionSchema>;

/** What the phone screen needs to know about the device it runs on. */
export const deviceViewSchema = z.object({
  mac: z.string(),
  /** null while the device is not provisioned (unknown to the PBX and no manual account). */
  identity: deviceIdentitySchema.nullable(),
  options: deviceOptionsSchema,
  /** The user's BLF positions when one is logged in; empty while idle. */
  blf: z.array(blfPositionSchema),
  /** Where the device's provisioning stands; null when it runs on a manual account or a demo `?account=`. */
  provisioning: provisioningStatusSchema.nullable(),
  /** The logged-in hot-desk user's session; null while nobody is logged in. */
  session: sessionSchema.nullable(),
  /** The device's auto-logout timers (device Options, not the user's); all null when off. */
  autoLogout: autoLogoutSchema,
  /** The phone system offers this identity a directory to search (absent: no). */
  directory: z.boolean().optional(),
});
export type DeviceView = z.infer<typeof deviceViewSchema>;

/** How the phone authenticates: HA1 + realm from the embedded PBX (the password never leaves it), or a password. */
export const phoneCredentialsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ha1'), ha1: z.string().regex(/^[0-9a-f]{32}$/), realm: z.string().min(1) }),
  z.object({ kind: z.literal('password'), password: z.string().min(1) }),
]);

/** The SIP account the renderer's phone registers with (null: nothing to register, e.g. not provisioned). */
export const phoneAccountSchema = z.object({
  webSocketUrl: z.string().regex(/^wss?:\/\/\S+$/),
  uri: z.string().regex(/^sips?:\S+@\S+$/),
  authUser: z.string().min(1),
  displayName: z.string(),
  credentials: phoneCredentialsSchema,
});
export type PhoneAccount = z.infer<typeof phoneAccountSchema>;
