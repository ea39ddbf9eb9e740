import { z } from 'zod';
import { blfPositionSchema } from '../sip/blfPosition';
import { provisioningStatusSchema } from '../sip/provisioningStatus';
import { deviceOptionsSchema } from './deviceOptions';

export const deviceIdentitySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pool'), name: z.string() }),
  z.object({ kind: z.literal('user'), extension: z.string(), name: z.string() }),
  z.object({ kind: z.literal('account'), uri: z.string(), name: z.string() }),
]);
export type DeviceIdentity = z.infer<typeof deviceIdentitySchema>;

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
