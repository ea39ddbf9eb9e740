import { describe, expect, it } from 'vitest';
import type { DeviceView } from '../../../shared/contracts';
import { applyCallEvent, newCall } from '../../../renderer/src/phone/callView';
import { displayIndicators } from '../../../renderer/src/features/phone/displayModel';
import { describeDuration } from '../../../renderer/src/features/phone/recentCallText';
import { createAppStore } from '../../../renderer/src/store';
import { recordOf } from '../../../renderer/src/store/historySlice';
import { ALICE_VIEW, FakeBridge, FakeConnection, FakePhone, POOL_VIEW, flush } from './fakes';

const BOB_VIEW: DeviceView = { ...ALICE_VIEW, identity: { kind: 'user', extension: '101', name: 'Bob Brown' } };

async function ready(view: DeviceView) {
  const bridge = new FakeBridge(view);
  const phone = new FakePhone();
  const store = createAppStore({ bridge, phone, connection: new FakeConnection() });
  store.getState().start();
  await flush();
  return { bridge, phone, state: () => store.getState(), showView: (next: DeviceView) => (bridge.handlers['device.view'] = () => next) };
}

function missedFrom(phone: FakePhone, id: string, number: string) {
  phone.report(newCall(id, 'incoming', number));
  phone.end({ text: `Missed call from ${number}`, tone: 'info', missed: true });
}

describe('redial', () => {
  it('Call on an empty Number box dials the last number dialled', async () => {
    const { phone, state } = await ready(ALICE_VIEW);
    await state().dial('102');
    phone.report(newCall('c1', 'outgoing', '102'));
    phone.end(null);
    phone.dialled.length = 0;
    expect(state().number).toBe('');
    await state().placeCall();
    expect(phone.dialled).toEqual([{ kind: 'number', dialString: '102' }]);
  });

  it('Call on an empty box with nothing to redial dials nothing', async () => {
    const { phone, state } = await ready(ALICE_VIEW);
    await state().placeCall();
    expect(phone.dialled).toEqual([]);
  });
});

describe('recent calls kept by the device host', () => {
  it('records name, number, time and duration; the host keeps it for the identity', async () => {
    const { bridge, phone, state } = await ready(ALICE_VIEW);
    const answered = applyCallEvent(newCall('c1', 'outgoing', '102', 'Carol Chen'), { type: 'accepted', at: Date.now() - 65_000 });
    phone.report(answered);
    phone.end(null);
    await flush();
    expect(state().recentCalls[0]).toMatchObject({ id: 'c1', number: '102', name: 'Carol Chen', outcome: 'answered', durationS: 65 });
    expect(bridge.history).toMatchObject({ identity: 'user:100', history: { calls: [{ id: 'c1' }] } });
  });

  it('shows what the host kept when the page is loaded again (a reload)', async () => {
    const first = await ready(ALICE_VIEW);
    missedFrom(first.phone, 'm1', '101');
    await flush();
    const reloaded = createAppStore({ bridge: first.bridge, phone: new FakePhone(), connection: new FakeConnection() });
    reloaded.getState().start();
    await flush();
    expect(reloaded.getState().recentCalls.map((call) => call.id)).toEqual(['m1']);
    expect(reloaded.getState().missedUnseen).toBe(1);
  });

  it('counts missed calls until the user opens the list', async () => {
    const { phone, state } = await ready(ALICE_VIEW);
    missedFrom(phone, 'm1', '101');
    missedFrom(phone, 'm2', '103');
    await flush();
    expect(state().missedUnseen).toBe(2);
    expect(displayIndicators(false, state().missedUnseen)).toEqual(['2 missed calls']);
    state().missedCallsSeen();
    await flush();
    expect(state().missedUnseen).toBe(0);
    expect(displayIndicators(false, 0)).toEqual([]);
  });

  it('a call refused by Do not disturb is a missed call', async () => {
    const { phone, state } = await ready(ALICE_VIEW);
    phone.listener?.missedWhileBusy(newCall('d1', 'incoming', '101', 'Bob Brown'));
    await flush();
    expect(state().recentCalls[0]).toMatchObject({ id: 'd1', outcome: 'missed' });
    expect(state().missedUnseen).toBe(1);
  });

  it('a row calls its number back', async () => {
    const { phone, state } = await ready(ALICE_VIEW);
    missedFrom(phone, 'm1', '101');
    await state().callBack(state().recentCalls[0]!);
    expect(phone.dialled.at(-1)).toEqual({ kind: 'number', dialString: '101' });
  });

  it('logout and roaming leave nothing: the page and the host start empty for the next identity', async () => {
    const { bridge, phone, state, showView } = await ready(ALICE_VIEW);
    await state().dial('102');
    missedFrom(phone, 'm1', '101');
    state().toggleDoNotDisturb();
    await flush();
    expect(phone.doNotDisturb).toBe(true);
    showView(BOB_VIEW);
    state().applyDeviceView(BOB_VIEW);
    await flush();
    expect(state()).toMatchObject({ recentCalls: [], redialNumber: null, missedUnseen: 0, doNotDisturb: false });
    expect(phone.doNotDisturb).toBe(false);
    expect(bridge.history).toEqual({ identity: 'user:101', history: { calls: [], redialNumber: null, missedUnseen: 0, doNotDisturb: false } });
    showView(POOL_VIEW);
    state().applyDeviceView(POOL_VIEW);
    await flush();
    expect(state().recentCalls).toEqual([]);
  });
});

describe('Do not disturb', () => {
  it('is told to the phone and shown on the display', async () => {
    const { phone, state } = await ready(ALICE_VIEW);
    state().toggleDoNotDisturb();
    await flush();
    expect(phone.doNotDisturb).toBe(true);
    expect(displayIndicators(state().doNotDisturb, 1)).toEqual(['Do not disturb', '1 missed call']);
    state().toggleDoNotDisturb();
    await flush();
    expect(phone.doNotDisturb).toBe(false);
  });
});

describe('a recent call row', () => {
  it('is missed only when the phone said so; a hot-desk code leaves none', () => {
    const declined = newCall('x', 'incoming', '101');
    expect(recordOf(declined, null, 10_000)?.outcome).toBe('unanswered');
    expect(recordOf(declined, { text: '', tone: 'info', missed: true }, 10_000)?.outcome).toBe('missed');
    expect(recordOf({ ...newCall('h', 'outgoing', '*77*100*'), hotDesk: true }, null, 10_000)).toBeNull();
    expect(describeDuration(65)).toBe('01:05');
    expect(describeDuration(0)).toBe('');
  });
});
