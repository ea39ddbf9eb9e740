import type { DeviceIdentity } from '../../../shared/contracts';
import { LOGOUT_KEY, layoutHotDeskKeys, type BlfKey, type BlfPosition } from '../../../shared/domain/blfLayout';

/**
 * The pages of keys the BLF panel shows (PRODUCT.md §5): a logged-in hot-desk user gets Logout then their keys; an idle
 * or unprovisioned hot-desk device only the (disabled) Logout key; a plain SIP account just its keys, no Logout.
 */
export function blfPagesFor(identity: DeviceIdentity | null, positions: readonly BlfPosition[], keysPerPage: number): BlfKey[][] {
  switch (identity?.kind) {
    case 'user':
      return layoutHotDeskKeys(positions, keysPerPage);
    case 'account': {
      const keys = positions.filter((position): position is NonNullable<BlfPosition> => position !== null);
      const pages: BlfKey[][] = [];
      for (let start = 0; start < keys.length; start += keysPerPage) pages.push(keys.slice(start, start + keysPerPage));
      return pages;
    }
    default:
      return [[LOGOUT_KEY]];
  }
}
