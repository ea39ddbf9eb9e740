import type { DeviceIdentity } from '../../../shared/contracts';
import { LOGOUT_KEY, layoutHotDeskKeys, type BlfKey, type BlfPosition } from '../../../shared/domain/blfLayout';

/**
 * The pages of keys the BLF panel shows (PRODUCT.md §5, §11: the panel's first button is always Logout): a logged-in
 * hot-desk user gets Logout then their keys; a plain SIP account the same layout, its Logout key disabled (it is not a
 * hot-desk device — see `sessionSelectors.canLogout`); an idle or unprovisioned hot-desk device only the disabled
 * Logout key.
 */
export function blfPagesFor(identity: DeviceIdentity | null, positions: readonly BlfPosition[], keysPerPage: number): BlfKey[][] {
  switch (identity?.kind) {
    case 'user':
    case 'account':
      return layoutHotDeskKeys(positions, keysPerPage);
    default:
      return [[LOGOUT_KEY]];
  }
}
