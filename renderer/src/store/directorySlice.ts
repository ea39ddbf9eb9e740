import type { DirectorySlice, SliceCreator } from './types';
import { messageOf } from './errors';

/**
 * Searching the phone system's directory as the user types. The device host asks the PBX with the credentials of the
 * device's current identity; only the answer to the latest query is shown.
 */
export const createDirectorySlice: SliceCreator<DirectorySlice> = ({ bridge }) => (set, get) => {
  let latest = 0;
  return {
    directoryAvailable: false,
    directoryQuery: '',
    directoryResults: null,
    directoryError: null,

    async searchDirectory(query) {
      const asked = ++latest;
      set({ directoryQuery: query });
      if (query.trim() === '') return set({ directoryResults: null, directoryError: null });
      try {
        const result = await bridge.invoke('directory.search', query.trim());
        if (asked !== latest) return;
        if (result.status === 'unavailable') set({ directoryAvailable: false, directoryResults: null, directoryError: null });
        else set({ directoryResults: result.entries, directoryError: null });
      } catch (error) {
        if (asked === latest) set({ directoryResults: null, directoryError: messageOf(error) });
      }
    },

    async callFromDirectory(entry) {
      if (get().call !== null) return;
      set({ directoryQuery: '', directoryResults: null, directoryError: null });
      latest += 1;
      await get().dial(entry.number);
    },

    setDirectoryAvailable(available) {
      latest += 1;
      set({ directoryAvailable: available, ...(available ? {} : { directoryQuery: '', directoryResults: null, directoryError: null }) });
    },
  };
};
