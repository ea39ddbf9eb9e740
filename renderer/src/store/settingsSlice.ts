import type { SettingsSlice, SliceCreator } from './types';

export const createSettingsSlice: SliceCreator<SettingsSlice> = ({ bridge, phone }) => (set, get) => ({
  settings: null,
  settingsOpen: false,

  applySettings(settings) {
    set({ settings });
    phone.setAudioDevices(settings.audio);
    phone.setSound({ ringerDeviceId: settings.ringerDeviceId, ringVolume: settings.ringVolume, callVolume: settings.callVolume });
  },

  async updateSettings(patch, auth) {
    get().applySettings(await (auth ? bridge.invoke('settings.update', patch, auth) : bridge.invoke('settings.update', patch)));
  },

  async unlockSettings(adminPin) {
    await bridge.invoke('settings.unlock', { adminPin });
  },

  openSettings() {
    set({ settingsOpen: true });
  },

  closeSettings() {
    set({ settingsOpen: false });
  },
});
