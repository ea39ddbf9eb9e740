import type { DeviceIdentity } from '../../../shared/contracts';
import { IDLE_DEVICE_REFUSAL, isAllowedWhileIdle, type DialIntent } from '../../../shared/domain/dialString';

export type DialVerdict = { allowed: true } | { allowed: false; reason: string };

export const UNPROVISIONED_REFUSAL = 'This phone is not provisioned yet: only emergency numbers can be dialled';

/**
 * Whether the device may dial an intent: an idle hot-desk device only emergency numbers and the
 * hot-desk codes; an unprovisioned one only emergency numbers; a logged-in user or a plain account anything valid.
 */
export function checkDialPolicy(intent: DialIntent, identity: DeviceIdentity | null): DialVerdict {
  if (intent.kind === 'invalid') return { allowed: false, reason: intent.reason };
  if (identity === null) {
    return intent.kind === 'emergency' ? { allowed: true } : { allowed: false, reason: UNPROVISIONED_REFUSAL };
  }
  if (identity.kind === 'pool' && !isAllowedWhileIdle(intent)) return { allowed: false, reason: IDLE_DEVICE_REFUSAL };
  return { allowed: true };
}
