import type { SettingsSlice, SliceCreator } from './types';

export const createSettingsSlice: SliceCreator<SettingsSlice> = ({ bridge }) => (set, get) => ({
  settings: null,

  applySettings(settings) {
    set({ settings });
  },

  async updateSettings(patch) {
    get().applySettings(await bridge.invoke('settings.update', patch));
  },
});
