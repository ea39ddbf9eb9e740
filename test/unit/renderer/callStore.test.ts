import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_AUTO_LOGOUT, DEFAULT_SETTINGS, type DeviceView } from '../../../shared/contracts';
import { applyCallEvent, newCall } from '../../../renderer/src/phone/callView';
import { createAppStore, callsSelectors, sessionSelectors } from '../../../renderer/src/store';
import { CALL_NOTICE_MS } from '../../../renderer/src/store/callsSlice';
import { FakeBridge, FakeConnection, FakePhone, flush } from './fakes';

const BOB_VIEW: DeviceView = {
  mac: '02:00:00:00:00:01',
  identity: { kind: 'account', uri: 'sip:101@hotdesk.local', name: 'Bob Brown' },
  options: { location: '', timeZone: 'UTC', timeFormat: '24h', keysPerPage: 4, emergencyNumbers: ['911'] },
  blf: [],
  provisioning: null,
  session: null,
  autoLogout: DEFAULT_AUTO_LOGOUT,
};

async function started() {
  const bridge = new FakeBridge(BOB_VIEW);
  const phone = new FakePhone();
  const store = createAppStore({ bridge, phone, connection: new FakeConnection() });
  const stop = store.getState().start();
  await flush();
  return { bridge, phone, store, stop, state: () => store.getState() };
}

const incoming = newCall('c1', 'incoming', '102', 'Carol Chen');
const active = applyCallEvent(newCall('c2', 'outgoing', '102'), { type: 'accepted', at: 0 });

afterEach(() => {
  vi.useRealTimers();
});

describe('the store and the phone', () => {
  it('starts the phone, which then moves the registration lamp', async () => {
    const { phone, state, stop } = await started();
    expect(phone.listener).not.toBeNull();
    phone.listener?.registrationChanged('registered');
    expect(sessionSelectors.registration(state())).toBe('registered');
    stop();
    expect(phone.listener).toBeNull();
  });

  it('asks the phone to re-read its account whenever the device view arrives, and passes on the audio devices', async () => {
    const { bridge, phone } = await started();
    expect(phone.accountRefreshes).toBe(1);
    expect(phone.audio).toEqual(DEFAULT_SETTINGS.audio);
    bridge.push({ name: 'device.changed', payload: BOB_VIEW });
    expect(phone.accountRefreshes).toBe(2);
    bridge.push({ name: 'settings.changed', payload: { ...DEFAULT_SETTINGS, audio: { inputDeviceId: 'mic', outputDeviceId: 'spk' } } });
    expect(phone.audio).toEqual({ inputDeviceId: 'mic', outputDeviceId: 'spk' });
  });

  it('the Call key answers a ringing call; Answer and Decline reach the phone only while it rings', async () => {
    const { phone, state } = await started();
    await state().answer();
    expect(phone.actions).toEqual([]);
    phone.report(incoming);
    expect(callsSelectors.call(state())).toEqual(incoming);
    await state().placeCall();
    await state().decline();
    expect(phone.actions).toEqual(['answer', 'decline']);
    expect(phone.dialled).toEqual([]);
  });

  it('during an established call keys send DTMF and leave the Number box alone', async () => {
    const { phone, state } = await started();
    state().setNumber('102');
    phone.report(active);
    for (const key of ['1', '#', '+']) state().pressKey(key);
    state().setNumber('999');
    state().deleteLastDigit();
    expect(phone.dtmf).toEqual(['1', '#']);
    expect(state().number).toBe('102');
    // Call during a call places nothing.
    await state().placeCall();
    expect(phone.dialled).toEqual([]);
  });

  it('keys before the call is answered do nothing; without a call they type into the Number box', async () => {
    const { phone, state } = await started();
    phone.report(newCall('c3', 'outgoing', '200'));
    state().pressKey('5');
    expect(phone.dtmf).toEqual([]);
    phone.report(null);
    state().pressKey('5');
    expect(state().number).toBe('5');
  });

  it('Hold/Resume and Mute/Unmute toggle from the call state', async () => {
    const { phone, state } = await started();
    phone.report(active);
    await state().toggleHold();
    state().toggleMute();
    phone.report({ ...active, held: true, muted: true });
    await state().toggleHold();
    state().toggleMute();
    expect(phone.actions).toEqual(['hold', 'mute', 'resume', 'unmute']);
  });

  it('a failed hold is explained', async () => {
    const { phone, state } = await started();
    phone.report(active);
    phone.failWith = 'Cannot hold the call right now';
    await state().toggleHold();
    expect(state().caption).toEqual({ text: 'Cannot hold the call right now', tone: 'warning' });
  });

  it("shows why a call ended; a fleeting notice clears itself, a failure's reason stays", async () => {
    vi.useFakeTimers();
    const { phone, state } = await started();
    phone.report(active);
    phone.end({ text: 'Call ended', tone: 'info', fleeting: true });
    expect(state().call).toBeNull();
    expect(state().caption).toEqual({ text: 'Call ended', tone: 'info' });
    vi.advanceTimersByTime(CALL_NOTICE_MS);
    expect(state().caption).toBeNull();
    phone.end({ text: 'Busy Here', tone: 'warning' });
    vi.advanceTimersByTime(CALL_NOTICE_MS * 2);
    expect(state().caption).toEqual({ text: 'Busy Here', tone: 'warning' });
    // A new call clears the last one's reason.
    phone.report(incoming);
    expect(state().caption).toBeNull();
  });
});
