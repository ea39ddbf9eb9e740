import { z } from 'zod';

/**
 * What the device host tells the renderer about its provisioning, for the display ("Not provisioned — MAC … —
 * waiting for the administrator", or the error of the last failed fetch while the last good document stays in use).
 * Meant for the bridge contracts (`device.view` and the result of `provisioning.resync`).
 */
export const provisioningStatusSchema = z.object({
  status: z.enum(['unprovisioned', 'pending', 'provisioned']),
  source: z.enum(['pnp', 'manual']).nullable(),
  error: z.string().max(500).nullable(),
  etag: z.string().nullable(),
  fetchedAt: z.string().nullable(),
  /**
   * A hot-desk logout the PBX has not confirmed yet (it was unreachable): the device already shows its pool identity
   * and keeps trying.
   */
  logoutPending: z.boolean(),
});
export type ProvisioningStatus = z.infer<typeof provisioningStatusSchema>;
