import type { DeviceIdentity } from '../../../shared/contracts';
import { DEFAULT_DIAL_CODES } from '../../../shared/domain/dialCodes';
import type { SessionSlice, SliceCreator } from './types';

export const LOGGED_OUT_RECEIPT = 'Logged out — your history was cleared';
/** The receipt is short: it makes way for the idle caption after this long (unless something replaced it already). */
export const RECEIPT_MS = 8_000;

/** Two identities are the same line when they would register as the same SIP identity. */
export function sameIdentity(a: DeviceIdentity | null, b: DeviceIdentity | null): boolean {
  if (a === null || b === null) return a === b;
  switch (a.kind) {
    case 'pool':
      return b.kind === 'pool' && a.name === b.name;
    case 'user':
      return b.kind === 'user' && a.extension === b.extension;
    case 'account':
      return b.kind === 'account' && a.uri === b.uri;
  }
}

export const createSessionSlice: SliceCreator<SessionSlice> = () => (set, get) => ({
  identity: null,
  registration: 'unregistered',

  setIdentity(identity) {
    const previous = get().identity;
    if (sameIdentity(previous, identity)) {
      set({ identity });
      return;
    }
    if (previous?.kind === 'user') {
      // Logout and roaming wipe the previous user's traces from the device (PRODUCT.md §4 Privacy).
      const receipt = identity?.kind === 'pool' ? ({ text: LOGGED_OUT_RECEIPT, tone: 'info' } as const) : null;
      set({ identity, number: '', caption: receipt, blfPositions: [], blfStates: {}, blfPage: 0 });
      if (receipt) {
        setTimeout(() => {
          if (get().caption === receipt) set({ caption: null });
        }, RECEIPT_MS);
      }
      return;
    }
    set({ identity, blfPage: 0 });
  },

  setRegistration(registration) {
    set({ registration });
  },

  async logout() {
    await get().dial(DEFAULT_DIAL_CODES.logout);
  },
});
