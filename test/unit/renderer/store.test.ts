import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type DeviceView } from '../../../shared/contracts';
import { IDLE_DEVICE_REFUSAL } from '../../../shared/domain/dialString';
import { createUnavailablePhoneService, NO_SIP_SERVICE } from '../../../renderer/src/phone/phoneService';
import { createAppStore, blfSelectors, deviceSelectors, sessionSelectors, settingsSelectors } from '../../../renderer/src/store';
import { NOT_READY } from '../../../renderer/src/store/callsSlice';
import { UNPROVISIONED_REFUSAL } from '../../../renderer/src/store/dialPolicy';
import { LOGGED_OUT_RECEIPT, RECEIPT_MS } from '../../../renderer/src/store/sessionSlice';
import { ALICE_VIEW, APP_INFO, FakeBridge, FakeConnection, FakePhone, OPTIONS, POOL_VIEW, UNPROVISIONED_VIEW, flush } from './fakes';
import { DEMO_ALICE_BLF } from '../../../shared/domain/demoSeed';

function setup(view: DeviceView = POOL_VIEW) {
  const bridge = new FakeBridge(view);
  const phone = new FakePhone();
  const connection = new FakeConnection();
  const store = createAppStore({ bridge, phone, connection });
  return { bridge, phone, connection, store, state: () => store.getState() };
}

async function ready(view: DeviceView = POOL_VIEW) {
  const context = setup(view);
  await context.state().load();
  return context;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('device slice', () => {
  it('starts in the starting state with nothing known', () => {
    const { state } = setup();
    expect(state().deviceStatus).toBe('starting');
    expect(state().identity).toBeNull();
    expect(state().settings).toBeNull();
  });

  it('load() reads app info, device view and settings through the bridge', async () => {
    const { bridge, state } = await ready();
    expect(bridge.calls.map((call) => call.name).sort()).toEqual(['app.info', 'device.view', 'history.get', 'settings.get']);
    expect(state().deviceStatus).toBe('ready');
    expect(state().appInfo).toEqual(APP_INFO);
    expect(state().mac).toBe('02:00:00:00:00:01');
    expect(state().deviceOptions).toEqual(OPTIONS);
    expect(state().identity).toEqual({ kind: 'pool', name: 'HD0001' });
    expect(state().settings).toEqual(DEFAULT_SETTINGS);
  });

  it('shows the error when the bridge call fails', async () => {
    const { bridge, state } = setup();
    bridge.handlers['device.view'] = () => {
      throw new Error('MAC 02:zz is not valid');
    };
    await state().load();
    expect(state().deviceStatus).toBe('failed');
    expect(state().deviceError).toBe('MAC 02:zz is not valid');
  });

  it('keeps showing a known device when a later refresh fails', async () => {
    const { bridge, state } = await ready();
    bridge.handlers['device.view'] = () => {
      throw new Error('gone');
    };
    await state().load();
    expect(state().deviceStatus).toBe('ready');
    expect(state().identity).toEqual(POOL_VIEW.identity);
  });

  it('start() follows device.changed and settings.changed, and stops when asked', async () => {
    const { bridge, state } = setup();
    const stop = state().start();
    await flush();
    bridge.push({ name: 'device.changed', payload: ALICE_VIEW });
    expect(state().identity).toEqual(ALICE_VIEW.identity);
    bridge.push({ name: 'settings.changed', payload: { ...DEFAULT_SETTINGS, theme: 'dark' } });
    expect(settingsSelectors.theme(state())).toBe('dark');
    stop();
    expect(bridge.listeners.size).toBe(0);
  });

  it('never lets the initial read overwrite a newer pushed update', async () => {
    const { bridge, state } = setup(POOL_VIEW);
    let answer!: (view: DeviceView) => void;
    bridge.handlers['device.view'] = () => new Promise<DeviceView>((resolve) => (answer = resolve));
    state().start();
    await flush();
    bridge.push({ name: 'device.changed', payload: ALICE_VIEW });
    answer(POOL_VIEW);
    await flush();
    expect(state().identity).toEqual(ALICE_VIEW.identity);
    expect(state().deviceStatus).toBe('ready');
  });

  it('re-reads everything when the connection comes back, and only then', async () => {
    const { bridge, connection, state } = setup();
    state().start();
    await flush();
    expect(bridge.calls).toHaveLength(4);

    connection.set('closed');
    expect(deviceSelectors.connection(state())).toBe('closed');
    connection.set('connecting');
    expect(bridge.calls).toHaveLength(4);
    connection.set('open');
    await flush();
    expect(bridge.calls).toHaveLength(8);

    connection.set('open');
    expect(bridge.calls).toHaveLength(8);
  });

  it('recovers from a failed start once the host is reachable', async () => {
    const { bridge, connection, state } = setup();
    const original = bridge.handlers['device.view'];
    bridge.handlers['device.view'] = () => {
      throw new Error('Cannot connect to the device host');
    };
    state().start();
    await flush();
    expect(state().deviceStatus).toBe('failed');
    bridge.handlers['device.view'] = original;
    connection.set('closed');
    connection.set('open');
    await flush();
    expect(state().deviceStatus).toBe('ready');
    expect(state().deviceError).toBeNull();
  });
});

describe('session slice', () => {
  it('knows idle, logged-in and unprovisioned devices', async () => {
    expect(sessionSelectors.isIdle((await ready(POOL_VIEW)).state())).toBe(true);
    expect(sessionSelectors.canLogout((await ready(POOL_VIEW)).state())).toBe(false);
    expect(sessionSelectors.canLogout((await ready(ALICE_VIEW)).state())).toBe(true);
    expect(sessionSelectors.canLogout((await ready(UNPROVISIONED_VIEW)).state())).toBe(false);
    expect(sessionSelectors.registration((await ready()).state())).toBe('unregistered');
  });

  it("wipes the previous user's digits and keys at logout and shows a short receipt", async () => {
    vi.useFakeTimers();
    const { state } = await ready(ALICE_VIEW);
    state().setNumber('555');
    state().setBlfPositions([{ type: 'blf', extension: '101', label: 'Bob Brown' }]);
    state().setBlfState('101', 'busy');

    state().applyDeviceView(POOL_VIEW);
    expect(state().number).toBe('');
    expect(state().blfPositions).toEqual([]);
    expect(state().blfStates).toEqual({});
    expect(state().caption).toEqual({ text: LOGGED_OUT_RECEIPT, tone: 'info' });

    vi.advanceTimersByTime(RECEIPT_MS);
    expect(state().caption).toBeNull();
  });

  it('wipes on roaming to another user too, with the receipt for the user who left', async () => {
    const { state } = await ready(ALICE_VIEW);
    state().setNumber('555');
    state().applyDeviceView({ ...ALICE_VIEW, identity: { kind: 'user', extension: '101', name: 'Bob Brown' } });
    expect(state().number).toBe('');
    expect(state().caption).toEqual({ text: LOGGED_OUT_RECEIPT, tone: 'info' });
  });

  it('keeps everything when the same user is re-announced (e.g. after a reconnect)', async () => {
    const { state } = await ready(ALICE_VIEW);
    state().setNumber('555');
    state().applyDeviceView(ALICE_VIEW);
    expect(state().number).toBe('555');
  });

  it('logout asks the device host, and dials the logout code only where the host has no logout', async () => {
    const { bridge, phone, state } = await ready(ALICE_VIEW);
    bridge.handlers['device.logout'] = () => ({ outcome: 'logged-out' });
    await state().logout();
    expect(bridge.calls.filter((call) => call.name === 'device.logout').map((call) => call.args)).toEqual([['user']]);
    expect(phone.dialled).toEqual([]);
    bridge.handlers['device.logout'] = () => ({ outcome: 'unsupported' });
    await state().logout();
    expect(phone.dialled).toEqual([{ kind: 'hotdesk-logout', dialString: '*77*5*' }]);
  });

  it('a logout the host cannot do is explained on the display', async () => {
    const { bridge, state } = await ready(ALICE_VIEW);
    bridge.handlers['device.logout'] = () => {
      throw new Error('The device host failed to handle the request');
    };
    await state().logout();
    expect(state().caption).toEqual({ text: 'The device host failed to handle the request', tone: 'error' });
  });
});

describe('calls slice', () => {
  it('keeps only dialable characters in the number', async () => {
    const { state } = await ready();
    state().setNumber('+1 (555) 010-0199 ext');
    expect(state().number).toBe('+15550100199');
    state().appendToNumber('*');
    state().appendToNumber('a');
    expect(state().number).toBe('+15550100199*');
    state().deleteLastDigit();
    expect(state().number).toBe('+15550100199');
    state().clearNumber();
    expect(state().number).toBe('');
    state().deleteLastDigit();
    expect(state().number).toBe('');
  });

  it('refuses anything but emergency and hot-desk codes on an idle device, with the reason on the display', async () => {
    const { phone, state } = await ready(POOL_VIEW);
    state().setNumber('200');
    await state().placeCall();
    expect(phone.dialled).toEqual([]);
    expect(state().caption).toEqual({ text: IDLE_DEVICE_REFUSAL, tone: 'warning' });
    expect(state().number).toBe('200');
  });

  it('lets an idle device dial emergency numbers and the login code', async () => {
    const { phone, state } = await ready(POOL_VIEW);
    state().setNumber('911');
    await state().placeCall();
    state().setNumber('*77*100*');
    await state().placeCall();
    expect(phone.dialled).toEqual([
      { kind: 'emergency', dialString: '911' },
      { kind: 'hotdesk-login', dialString: '*77*100*', extension: '100' },
    ]);
  });

  it('shows why an invalid number cannot be dialled', async () => {
    const { phone, state } = await ready(ALICE_VIEW);
    await state().placeCall();
    expect(state().caption).toEqual({ text: 'Enter a number to call', tone: 'warning' });
    state().setNumber('*77*12');
    await state().placeCall();
    expect(state().caption?.text).toMatch(/^To log in, dial \*77\*<extension>\*/);
    expect(phone.dialled).toEqual([]);
  });

  it('an unprovisioned device dials emergency numbers only', async () => {
    const { phone, state } = await ready(UNPROVISIONED_VIEW);
    state().setNumber('*77*100*');
    await state().placeCall();
    expect(state().caption).toEqual({ text: UNPROVISIONED_REFUSAL, tone: 'warning' });
    state().setNumber('112');
    await state().placeCall();
    expect(phone.dialled).toEqual([{ kind: 'emergency', dialString: '112' }]);
  });

  it('refuses to dial before the device is known', async () => {
    const { phone, state } = setup();
    state().setNumber('911');
    await state().placeCall();
    expect(state().caption).toEqual({ text: NOT_READY, tone: 'warning' });
    expect(phone.dialled).toEqual([]);
  });

  it('a logged-in user dials anything valid', async () => {
    const { phone, state } = await ready(ALICE_VIEW);
    state().setNumber('200');
    await state().placeCall();
    expect(phone.dialled).toEqual([{ kind: 'number', dialString: '200' }]);
    expect(state().caption).toBeNull();
  });

  it('says honestly that there is no SIP service yet', async () => {
    const bridge = new FakeBridge(ALICE_VIEW);
    const store = createAppStore({ bridge, phone: createUnavailablePhoneService() });
    await store.getState().load();
    store.getState().setNumber('101');
    await store.getState().placeCall();
    expect(store.getState().caption).toEqual({ text: NO_SIP_SERVICE, tone: 'error' });
  });

  it('editing the number dismisses a caption; Escape clears both', async () => {
    const { state } = await ready(POOL_VIEW);
    state().setNumber('200');
    await state().placeCall();
    state().appendToNumber('1');
    expect(state().caption).toBeNull();
    await state().placeCall();
    state().clearNumber();
    expect(state().number).toBe('');
    expect(state().caption).toBeNull();
  });

  it('hang up asks the phone and goes back on hook (number cleared)', async () => {
    const { phone, state } = await ready(ALICE_VIEW);
    state().setNumber('101');
    await state().hangUp();
    expect(phone.hangUps).toBe(1);
    expect(state().number).toBe('');
  });
});

describe('blf slice', () => {
  const alicePositions = DEMO_ALICE_BLF;

  it('shows only the Logout key while idle, whatever positions are known', async () => {
    const { state } = await ready(POOL_VIEW);
    state().setBlfPositions([...alicePositions]);
    expect(blfSelectors.pages(state())).toEqual([[{ type: 'logout', label: 'Logout' }]]);
  });

  it("lays out a logged-in user's keys after Logout, paged by the device's keys per page", async () => {
    const { state } = await ready(ALICE_VIEW);
    state().setBlfPositions([...alicePositions]);
    const pages = blfSelectors.pages(state());
    expect(pages.map((page) => page.map((key) => key.label))).toEqual([
      ['Logout', 'Bob Brown', 'Carol Chen', 'Reception'],
      ['Dan Diaz'],
    ]);
    expect(blfSelectors.pages(state())).toBe(pages);
  });

  it('pages stay in range', async () => {
    const { state } = await ready(ALICE_VIEW);
    state().setBlfPositions([...alicePositions]);
    state().showBlfPage(1);
    expect(blfSelectors.page(state())).toBe(1);
    state().showBlfPage(5);
    expect(blfSelectors.page(state())).toBe(1);
    state().showBlfPage(-1);
    expect(blfSelectors.page(state())).toBe(0);
    state().showBlfPage(1);
    state().setBlfPositions([]);
    expect(blfSelectors.page(state())).toBe(0);
  });

  it('pressing a key calls, picks up a ringing colleague, speed-dials, or logs out', async () => {
    const { bridge, phone, state } = await ready(ALICE_VIEW);
    state().setBlfState('102', 'ringing');
    await state().pressBlfKey({ type: 'blf', extension: '101', label: 'Bob Brown' });
    await state().pressBlfKey({ type: 'blf', extension: '102', label: 'Carol Chen' });
    await state().pressBlfKey({ type: 'speed-dial', number: '0', label: 'Reception' });
    bridge.handlers['device.logout'] = () => ({ outcome: 'logged-out' });
    await state().pressBlfKey({ type: 'logout', label: 'Logout' });
    expect(phone.dialled.map((intent) => [intent.kind, intent.dialString])).toEqual([
      ['number', '101'],
      ['pickup', '*20*102'],
      ['number', '0'],
    ]);
    expect(bridge.calls.at(-1)).toEqual({ name: 'device.logout', args: ['user'] });
  });

  it('a key state defaults to unknown', async () => {
    const { state } = await ready(ALICE_VIEW);
    expect(blfSelectors.keyState('101')(state())).toBe('unknown');
    state().setBlfState('101', 'busy');
    expect(blfSelectors.keyState('101')(state())).toBe('busy');
  });
});

describe('settings slice', () => {
  it('updates settings through the bridge and keeps what the host answered', async () => {
    const { bridge, state } = await ready();
    await state().updateSettings({ theme: 'light' });
    expect(bridge.calls.at(-1)).toEqual({ name: 'settings.update', args: [{ theme: 'light' }] });
    expect(settingsSelectors.theme(state())).toBe('light');
  });

  it('theme is system until settings are known', () => {
    expect(settingsSelectors.theme(setup().state())).toBe('system');
  });
});
