import { DEFAULT_DIAL_CODES } from '../../../shared/domain/dialCodes';
import { blfSelectors } from './selectors';
import type { BlfSlice, SliceCreator } from './types';

export const createBlfSlice: SliceCreator<BlfSlice> = ({ phone }) => (set, get) => ({
  blfPositions: [],
  blfStates: {},
  blfPage: 0,

  setBlfPositions(blfPositions) {
    set({ blfPositions, blfPage: 0 });
    // Every BLF key of the current identity is watched; an idle hot-desk device shows none, so it watches nothing.
    const monitored = blfSelectors.pages(get()).flatMap((page) => page.flatMap((key) => (key.type === 'blf' ? [key.extension] : [])));
    phone.monitor([...new Set(monitored)]);
  },

  setBlfState(extension, state) {
    set({ blfStates: { ...get().blfStates, [extension]: state } });
  },

  showBlfPage(page) {
    const last = Math.max(0, blfSelectors.pages(get()).length - 1);
    set({ blfPage: Math.min(last, Math.max(0, Math.trunc(page))) });
  },

  async pressBlfKey(key) {
    switch (key.type) {
      case 'logout':
        return get().logout();
      case 'blf':
        // A ringing colleague's call is picked up; otherwise the key calls them.
        return get().dial(get().blfStates[key.extension] === 'ringing' ? `${DEFAULT_DIAL_CODES.pickup}${key.extension}` : key.extension);
      case 'speed-dial':
        return get().dial(key.number);
      case 'line':
        return;
    }
  },
});
