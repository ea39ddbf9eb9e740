import type { DeviceIdentity } from '../../../shared/contracts';
import { LOGOUT_KEY, layoutHotDeskKeys, layoutSoftphoneKeys, type BlfKey, type BlfPosition } from '../../../shared/domain/blfLayout';

/**
 * The pages of keys the BLF panel shows (the panel's first button is always Logout): a logged-in
 * hot-desk user gets Logout then their keys; a plain SIP account (a softphone, `/?account=101`) just its keys, paged
 * the same way — it has nothing to log out of; an idle or unprovisioned hot-desk device only the disabled Logout key.
 */
export function blfPagesFor(identity: DeviceIdentity | null, positions: readonly BlfPosition[], keysPerPage: number): BlfKey[][] {
  switch (identity?.kind) {
    case 'user':
      return layoutHotDeskKeys(positions, keysPerPage);
    case 'account':
      return layoutSoftphoneKeys(positions, keysPerPage);
    default:
      return [[LOGOUT_KEY]];
  }
}
