import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BridgeEvent, DeviceView } from '../../../shared/contracts';
import { ValidatedSettingsStore } from '../../../electron/host/settings/settingsStore';
import { keepScreenAwake } from '../../../electron/main/screenAwake';
import { powerSaveBlocker } from './support/fakeElectron';

vi.mock('electron', () => import('./support/fakeElectron'));

type Identity = DeviceView['identity'];

/** The device host's bridge as far as keepScreenAwake sees it: one session, its device view and its events. */
function fakeHub(initial: Identity) {
  let identity = initial;
  const listeners = new Set<(event: BridgeEvent) => void>();
  const closed = vi.fn();
  const view = () => ({ identity }) as DeviceView;
  const hub = {
    openSession: () => ({
      invoke: async () => view(),
      onEvent: (listener: (event: BridgeEvent) => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      close: closed,
    }),
  };
  const push = (event: BridgeEvent) => listeners.forEach((listener) => listener(event));
  return {
    hub,
    closed,
    becomes(next: Identity) {
      identity = next;
      push({ name: 'device.changed', payload: view() });
    },
    push,
  };
}

const POOL: Identity = { kind: 'pool', name: 'HD0001' };
const ALICE: Identity = { kind: 'user', extension: '100', name: 'Alice Andrews' };
const blocking = () => [...powerSaveBlocker.active.values()];

/** Lets the session's first device.view answer arrive (it resolves on the microtask queue). */
const settled = () => new Promise<void>((resolve) => setImmediate(resolve));

beforeEach(() => {
  for (const id of [...powerSaveBlocker.active.keys()]) powerSaveBlocker.stop(id);
  powerSaveBlocker.start.mockClear();
});

describe('the kiosk screen stays awake', () => {
  it('while idle on its pool identity in kiosk mode, not while a user is logged in, and again after the logout', async () => {
    const settings = new ValidatedSettingsStore({ path: 'mem', store: { kiosk: true } });
    const device = fakeHub(POOL);
    const stop = keepScreenAwake(powerSaveBlocker, device.hub, settings);
    await settled();
    expect(blocking()).toEqual(['prevent-display-sleep']);
    device.becomes(ALICE);
    expect(blocking()).toEqual([]);
    device.becomes(POOL);
    expect(blocking()).toEqual(['prevent-display-sleep']);
    stop();
    expect(blocking()).toEqual([]);
    expect(device.closed).toHaveBeenCalled();
  });

  it('lets the screen sleep outside kiosk mode, and follows kiosk mode as it changes', async () => {
    const settings = new ValidatedSettingsStore({ path: 'mem', store: { kiosk: false } });
    const device = fakeHub(POOL);
    keepScreenAwake(powerSaveBlocker, device.hub, settings);
    await settled();
    expect(powerSaveBlocker.start).not.toHaveBeenCalled();
    const view = settings.update({ kiosk: true });
    device.push({ name: 'settings.changed', payload: view });
    expect(blocking()).toEqual(['prevent-display-sleep']);
    device.push({ name: 'settings.changed', payload: settings.update({ kiosk: false }) });
    expect(blocking()).toEqual([]);
  });
});
