import { callWaitingOn } from '../../../shared/contracts';
import type { DeviceSlice, SliceCreator } from './types';
import { messageOf } from './errors';
import { sameIdentity } from './sessionSlice';

export const createDeviceSlice: SliceCreator<DeviceSlice> = ({ bridge, connection, phone }) => (set, get) => {
  // Counts of pushed updates, so a slow initial read never overwrites a newer pushed one.
  let deviceEvents = 0;
  let settingsEvents = 0;
  // Set when the connection drops; the next open re-reads what may have changed meanwhile.
  let missedUpdates = false;

  return {
    appInfo: null,
    deviceStatus: 'starting',
    deviceError: null,
    mac: null,
    deviceOptions: null,
    provisioningError: null,
    logoutPending: false,
    connection: connection?.connectionState ?? 'open',

    start() {
      const stopEvents = bridge.onEvent((event) => {
        switch (event.name) {
          case 'device.changed':
            deviceEvents += 1;
            get().applyDeviceView(event.payload);
            break;
          case 'settings.changed':
            settingsEvents += 1;
            get().applySettings(event.payload);
            break;
          case 'history.changed':
            get().historyChanged(event.payload);
            break;
        }
      });
      const stopConnection = connection?.onConnectionChange((state) => get().connectionChanged(state)) ?? (() => undefined);
      // The phone reports SIP events as store actions from here on.
      const stopPhone = phone.start({
        registrationChanged: (state, problem) => get().setRegistration(state, problem),
        callsChanged: (calls) => get().callsChanged(calls),
        callEnded: (call, notice) => get().callEnded(call, notice),
        missedWhileBusy: (call) => get().missedWhileBusy(call),
        blfStateChanged: (extension, state) => get().setBlfState(extension, state),
      });
      void get().load();
      return () => {
        stopEvents();
        stopConnection();
        stopPhone();
      };
    },

    async load() {
      const seenDevice = deviceEvents;
      const seenSettings = settingsEvents;
      try {
        const [info, view, settings] = await Promise.all([
          bridge.invoke('app.info'),
          bridge.invoke('device.view'),
          bridge.invoke('settings.get'),
        ]);
        set({ appInfo: info });
        if (settingsEvents === seenSettings) get().applySettings(settings);
        const before = get().identity;
        if (deviceEvents === seenDevice) get().applyDeviceView(view);
        else set({ deviceStatus: 'ready', deviceError: null });
        // A new identity reads its history as it is set; the same one re-reads what may have changed meanwhile.
        if (sameIdentity(get().identity, before)) void get().loadHistory();
      } catch (error) {
        // Once the device is known, keep showing it; the connection state says what is wrong.
        set({ deviceError: messageOf(error), deviceStatus: get().deviceStatus === 'ready' ? 'ready' : 'failed' });
      }
    },

    applyDeviceView(view) {
      set({
        mac: view.mac,
        deviceOptions: view.options,
        provisioningError: view.provisioning?.error ?? null,
        logoutPending: view.provisioning?.logoutPending ?? false,
        autoLogoutTimers: view.autoLogout,
        deviceStatus: 'ready',
        deviceError: null,
      });
      get().setIdentity(view.identity, view.session);
      get().setBlfPositions(view.blf);
      if (get().directoryAvailable !== (view.directory ?? false)) get().setDirectoryAvailable(view.directory ?? false);
      get().reviewAutoLogout();
      phone.setCallWaiting(callWaitingOn(view.options));
      // Login, logout and roaming change the SIP identity: the phone re-reads its account and re-registers if needed.
      phone.refreshAccount();
    },

    connectionChanged(state) {
      set({ connection: state });
      if (state === 'closed') missedUpdates = true;
      // Whatever changed while we were away is re-read, never guessed.
      if (state === 'open' && missedUpdates) {
        missedUpdates = false;
        void get().load();
      }
    },
  };
};
