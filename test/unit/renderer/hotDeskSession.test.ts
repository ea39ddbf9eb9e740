import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeviceView } from '../../../shared/contracts';
import { AUTO_LOGOUT_WARNING_MS } from '../../../shared/domain/autoLogout';
import { applyCallEvent, newCall } from '../../../renderer/src/phone/callView';
import { createAppStore } from '../../../renderer/src/store';
import { LOGGED_OUT_RECEIPT } from '../../../renderer/src/store/sessionSlice';
import { ALICE_VIEW, FakeBridge, FakeConnection, FakePhone, POOL_VIEW, flush } from './fakes';

const MINUTE = 60_000;
const LOGIN = Date.parse('2026-03-10T08:00:00.000Z');

async function ready(view: DeviceView) {
  const bridge = new FakeBridge(view);
  const phone = new FakePhone();
  const store = createAppStore({ bridge, phone, connection: new FakeConnection() });
  bridge.handlers['device.logout'] = () => ({ outcome: 'logged-out' });
  store.getState().start();
  await flush();
  const logouts = () => bridge.calls.filter((call) => call.name === 'device.logout').map((call) => call.args[0]);
  return { bridge, phone, store, state: () => store.getState(), logouts };
}

function answeredCall(id: string, number: string, name = '') {
  return applyCallEvent(newCall(id, 'outgoing', number, name), { type: 'accepted', at: Date.now() });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('privacy: what the phone keeps about a user, and when it goes', () => {
  it('keeps recent calls (missed ones marked) and the redial number in memory', async () => {
    const { phone, state } = await ready(ALICE_VIEW);
    await state().dial('102');
    phone.report(answeredCall('c1', '102', 'Carol Chen'));
    // The SIP phone's order: no call any more, then the notice.
    phone.report(null);
    phone.end(null);
    phone.report(newCall('c2', 'incoming', '101', 'Bob Brown'));
    phone.report(null);
    phone.end({ text: 'Missed call from 101 Bob Brown', tone: 'info', missed: true });
    expect(state().recentCalls.map((call) => [call.number, call.outcome])).toEqual([
      ['101', 'missed'],
      ['102', 'answered'],
    ]);
    expect(state().redialNumber).toBe('102');
    phone.dialled.length = 0;
    await state().redial();
    expect(phone.dialled).toEqual([{ kind: 'number', dialString: '102' }]);
  });

  it('never remembers a hot-desk code or its call (the login names the user)', async () => {
    const { phone, state } = await ready(POOL_VIEW);
    await state().dial('*77*100*');
    phone.report({ ...answeredCall('ivr', '*77*100*'), hotDesk: true });
    phone.end(null);
    expect(state().recentCalls).toEqual([]);
    expect(state().redialNumber).toBeNull();
  });

  it.each([
    ['logout', POOL_VIEW],
    ['roaming', { ...ALICE_VIEW, identity: { kind: 'user', extension: '101', name: 'Bob Brown' } } as DeviceView],
  ])('%s wipes history, redial, missed calls and digits, and says so', async (_case, next) => {
    const { phone, state } = await ready(ALICE_VIEW);
    await state().dial('102');
    phone.report(newCall('c2', 'incoming', '101', 'Bob Brown'));
    phone.end({ text: 'Missed call from 101 Bob Brown', tone: 'info', missed: true });
    state().setNumber('555');
    state().applyDeviceView(next);
    expect(state()).toMatchObject({ recentCalls: [], redialNumber: null, number: '', blfPositions: [], caption: { text: LOGGED_OUT_RECEIPT } });
  });

  it('a login starts clean too, and the receipt survives the end of the next login call', async () => {
    const { phone, state } = await ready(POOL_VIEW);
    await state().dial('911');
    phone.report(answeredCall('e1', '911'));
    phone.end(null);
    expect(state().recentCalls).toHaveLength(1);
    state().applyDeviceView(ALICE_VIEW);
    expect(state().recentCalls).toEqual([]);

    // Bob roams in through the IVR: Alice's receipt shows, and stays when the IVR call ends.
    phone.report({ ...answeredCall('ivr', '*77*101*'), hotDesk: true });
    state().applyDeviceView({ ...ALICE_VIEW, identity: { kind: 'user', extension: '101', name: 'Bob Brown' } });
    phone.end(null);
    expect(state().caption?.text).toBe(LOGGED_OUT_RECEIPT);
  });

  it('shows the pending logout while the PBX has not confirmed it', async () => {
    const { state } = await ready(ALICE_VIEW);
    state().applyDeviceView({ ...POOL_VIEW, provisioning: { status: 'provisioned', source: 'pnp', error: 'Provisioning server unreachable (ECONNREFUSED)', etag: null, fetchedAt: null, logoutPending: true } });
    expect(state().logoutPending).toBe(true);
    expect(state().identity).toEqual({ kind: 'pool', name: 'HD0001' });
  });
});

describe('auto-logout on the phone (fake clock)', () => {
  const idleView: DeviceView = { ...ALICE_VIEW, session: { since: new Date(LOGIN).toISOString() }, autoLogout: { idleMinutes: 10, maxSessionMinutes: null, dailyAt: null } };

  async function atLogin(view: DeviceView) {
    vi.useFakeTimers();
    vi.setSystemTime(LOGIN);
    return ready(view);
  }

  it('warns a minute before an idle logout, "Stay logged in" starts over, then logs out with reason auto', async () => {
    const { state, logouts } = await atLogin(idleView);
    expect(state().sessionSince).toBe(LOGIN);
    vi.advanceTimersByTime(9 * MINUTE - 1);
    expect(state().autoLogoutWarning).toBeNull();
    vi.advanceTimersByTime(1);
    expect(state().autoLogoutWarning).toEqual({ kind: 'idle', at: LOGIN + 10 * MINUTE, canStay: true });

    state().stayLoggedIn();
    expect(state().autoLogoutWarning).toBeNull();
    vi.advanceTimersByTime(10 * MINUTE - AUTO_LOGOUT_WARNING_MS);
    expect(state().autoLogoutWarning?.canStay).toBe(true);
    expect(logouts()).toEqual([]);
    vi.advanceTimersByTime(AUTO_LOGOUT_WARNING_MS);
    await flush();
    expect(logouts()).toEqual(['auto']);
  });

  it('a key press counts as activity', async () => {
    const { state, logouts } = await atLogin(idleView);
    vi.advanceTimersByTime(8 * MINUTE);
    state().noteActivity();
    vi.advanceTimersByTime(9 * MINUTE - 1);
    expect(state().autoLogoutWarning).toBeNull();
    expect(logouts()).toEqual([]);
  });

  it('a maximum session cannot be extended, and waits for a call to end, then gives its minute', async () => {
    const { phone, state, logouts } = await atLogin({ ...idleView, autoLogout: { idleMinutes: null, maxSessionMinutes: 30, dailyAt: null } });
    vi.advanceTimersByTime(29 * MINUTE);
    expect(state().autoLogoutWarning).toEqual({ kind: 'max-session', at: LOGIN + 30 * MINUTE, canStay: false });
    state().stayLoggedIn();
    expect(state().autoLogoutWarning?.kind).toBe('max-session');

    phone.report(answeredCall('c1', '102'));
    expect(state().autoLogoutWarning).toBeNull();
    vi.advanceTimersByTime(20 * MINUTE);
    expect(logouts()).toEqual([]);
    phone.end(null);
    expect(state().autoLogoutWarning).toEqual({ kind: 'max-session', at: LOGIN + 49 * MINUTE + AUTO_LOGOUT_WARNING_MS, canStay: false });
    vi.advanceTimersByTime(AUTO_LOGOUT_WARNING_MS);
    await flush();
    expect(logouts()).toEqual(['auto']);
  });

  it('counts the session from the PBX login time, or from when the phone first saw the user', async () => {
    const { state } = await atLogin({ ...idleView, session: { since: null } });
    expect(state().sessionSince).toBe(LOGIN);
    vi.advanceTimersByTime(MINUTE);
    state().applyDeviceView({ ...idleView, session: { since: null } });
    expect(state().sessionSince).toBe(LOGIN);
  });

  it('an idle device has no timers running', async () => {
    const { state } = await atLogin({ ...POOL_VIEW, autoLogout: idleView.autoLogout });
    vi.advanceTimersByTime(60 * MINUTE);
    expect(state().autoLogoutWarning).toBeNull();
    expect(state().sessionSince).toBeNull();
  });
});
