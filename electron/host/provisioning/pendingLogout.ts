import { z } from 'zod';
import { POOL_NAME } from '../../../shared/domain/poolName';
import { provisionedOptionsSchema, type ProvisioningDocument } from '../../../shared/sip/provisioningDocument';
import { logoutReasonSchema, type LogoutReason } from '../../../shared/sip/provisioningLogout';

/**
 * A hot-desk logout the PBX has not confirmed yet. The device has already wiped the user's document and shows its pool
 * identity; this is all it keeps to finish the logout later: which session to end (extension and login time, so a
 * newer session at this desk is never ended by mistake) and what to show meanwhile (pool name, the device's Options).
 */
export const pendingLogoutSchema = z.strictObject({
  reason: logoutReasonSchema,
  extension: z.string().regex(/^[0-9]{1,10}$/),
  since: z.iso.datetime().nullable(),
  requestedAt: z.iso.datetime(),
  poolName: z.string().regex(POOL_NAME),
  options: provisionedOptionsSchema,
});
export type PendingLogout = z.infer<typeof pendingLogoutSchema>;

/** The pending logout of a logged-in document's session. */
export function pendingLogoutOf(document: ProvisioningDocument, reason: LogoutReason, now: number): PendingLogout | null {
  if (document.identity.kind !== 'user') return null;
  return {
    reason,
    extension: document.identity.extension,
    since: document.session?.since ?? null,
    requestedAt: new Date(now).toISOString(),
    poolName: document.device.poolName,
    options: structuredClone(document.options),
  };
}

/** Whether a document is still the session the pending logout is meant to end. */
export function isSessionOf(document: ProvisioningDocument, pending: PendingLogout): boolean {
  if (document.identity.kind !== 'user' || document.identity.extension !== pending.extension) return false;
  const since = document.session?.since ?? null;
  return pending.since === null || since === null || since === pending.since;
}
