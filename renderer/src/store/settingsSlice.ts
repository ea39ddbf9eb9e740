import type { SettingsSlice, SliceCreator } from './types';

export const createSettingsSlice: SliceCreator<SettingsSlice> = ({ bridge, phone }) => (set, get) => ({
  settings: null,

  applySettings(settings) {
    set({ settings });
    phone.setAudioDevices(settings.audio);
    phone.setSound({ ringerDeviceId: settings.ringerDeviceId, ringVolume: settings.ringVolume, callVolume: settings.callVolume });
  },

  async updateSettings(patch) {
    get().applySettings(await bridge.invoke('settings.update', patch));
  },
});
