import type { PowerSaveBlocker } from 'electron';
import type { BridgeHub } from '../host/bridge/bridgeHub';
import type { SettingsStore } from '../host/settings/settingsStore';
import type { DeviceView } from '../../shared/contracts';

/**
 * An idle kiosk is the walk-up phone: its pool name and the emergency numbers must be on show, so the display never
 * sleeps while the device is in kiosk mode on its pool identity. The device host's own bridge session tells when
 * that changes (a login, a logout, leaving kiosk mode).
 */
export function keepScreenAwake(blocker: Pick<PowerSaveBlocker, 'start' | 'stop'>, hub: Pick<BridgeHub, 'openSession'>, settings: Pick<SettingsStore, 'get'>): () => void {
  const session = hub.openSession({ sipWebSocketUrl: '' });
  let blockerId: number | null = null;
  let identity: DeviceView['identity'] = null;
  const apply = () => {
    const awake = settings.get().kiosk && identity?.kind === 'pool';
    if (awake && blockerId === null) blockerId = blocker.start('prevent-display-sleep');
    if (!awake && blockerId !== null) {
      blocker.stop(blockerId);
      blockerId = null;
    }
  };
  const stopEvents = session.onEvent((event) => {
    if (event.name === 'device.changed') identity = event.payload.identity;
    apply();
  });
  session.invoke('device.view', []).then(
    (view) => {
      identity = (view as DeviceView).identity;
      apply();
    },
    () => apply(),
  );
  return () => {
    stopEvents();
    session.close();
    identity = null;
    if (blockerId !== null) blocker.stop(blockerId);
    blockerId = null;
  };
}
