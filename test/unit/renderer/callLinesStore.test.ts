import { describe, expect, it } from 'vitest';
import { DEFAULT_AUTO_LOGOUT, type DeviceView } from '../../../shared/contracts';
import { applyCallEvent, newCall } from '../../../renderer/src/phone/callView';
import { createAppStore } from '../../../renderer/src/store';
import { TRANSFER_NEEDS_NUMBER } from '../../../renderer/src/store/callLinesSlice';
import { FakeBridge, FakeConnection, FakePhone, flush } from './fakes';

const CAROL_VIEW: DeviceView = {
  mac: '02:00:00:00:00:02',
  identity: { kind: 'account', uri: 'sip:102@hotdesk.local', name: 'Carol Chen' },
  options: { location: '', timeZone: 'UTC', timeFormat: '24h', keysPerPage: 4, emergencyNumbers: ['911'], callWaiting: false },
  blf: [],
  provisioning: null,
  session: null,
  autoLogout: DEFAULT_AUTO_LOGOUT,
};

async function started(view = CAROL_VIEW) {
  const phone = new FakePhone();
  const store = createAppStore({ bridge: new FakeBridge(view), phone, connection: new FakeConnection() });
  store.getState().start();
  await flush();
  return { phone, state: () => store.getState() };
}

const withBob = applyCallEvent(newCall('bob', 'incoming', '101', 'Bob Brown'), { type: 'accepted', at: 0 });
const fromDan = newCall('dan', 'incoming', '103', 'Dan Diaz');

describe('the store with several calls', () => {
  it('passes the device’s call waiting option to the phone (absent: on)', async () => {
    expect((await started()).phone.callWaiting).toBe(false);
    const { options } = CAROL_VIEW;
    expect((await started({ ...CAROL_VIEW, options: { ...options, callWaiting: undefined } })).phone.callWaiting).toBe(true);
  });

  it('keeps every call and focuses the one in progress; Answer and the Call key take the waiting caller', async () => {
    const { phone, state } = await started();
    phone.listener?.callsChanged([withBob, fromDan]);
    expect(state().calls).toEqual([withBob, fromDan]);
    expect(state().call).toEqual(withBob);
    await state().placeCall();
    expect(phone.actions).toEqual(['answer']);
    await state().swapTo('bob');
    expect(phone.actions).toEqual(['answer', 'swap bob']);
  });

  it('Transfer: the Number box takes the target (keys type, no tones), checked before the phone gets it', async () => {
    const { phone, state } = await started();
    phone.listener?.callsChanged([withBob]);
    state().startTransfer();
    expect(state().transferring).toBe(true);
    await state().transferNow();
    expect(state().caption).toEqual({ text: TRANSFER_NEEDS_NUMBER, tone: 'warning' });
    for (const key of ['1', '0', '3']) state().pressKey(key);
    expect(phone.dtmf).toEqual([]);
    await state().transferNow();
    expect(phone.transfers).toEqual([{ kind: 'blind', intent: { kind: 'number', dialString: '103' } }]);
    expect(state().transferring).toBe(false);

    state().startTransfer();
    state().setNumber('*77*5*');
    await state().callTransferTarget();
    expect(state().caption).toEqual({ text: TRANSFER_NEEDS_NUMBER, tone: 'warning' });
    state().setNumber('104');
    await state().callTransferTarget();
    expect(phone.transfers.at(-1)).toEqual({ kind: 'consult', intent: { kind: 'number', dialString: '104' } });
  });

  it('in the transfer entry the Call key (Enter) transfers, Escape on an empty target leaves it', async () => {
    const { phone, state } = await started();
    phone.listener?.callsChanged([withBob]);
    state().startTransfer();
    state().setNumber('103');
    state().clearNumber();
    expect(state()).toMatchObject({ transferring: true, number: '' });
    state().clearNumber();
    expect(state().transferring).toBe(false);
    state().startTransfer();
    state().setNumber('103');
    await state().placeCall();
    expect(phone.transfers).toEqual([{ kind: 'blind', intent: { kind: 'number', dialString: '103' } }]);
  });

  it('Cancel transfer leaves the entry, or (during the consultation) asks the phone to return to the held call', async () => {
    const { phone, state } = await started();
    phone.listener?.callsChanged([withBob]);
    state().startTransfer();
    await state().cancelTransfer();
    expect(state().transferring).toBe(false);
    expect(phone.actions).toEqual([]);
    await state().cancelTransfer();
    await state().completeTransfer();
    expect(phone.actions).toEqual(['cancel transfer', 'complete transfer']);
  });

  it('a call ending while another goes on is recorded without a notice over the call; a caller busied out is a missed call', async () => {
    const { phone, state } = await started();
    phone.listener?.callsChanged([withBob]);
    phone.listener?.missedWhileBusy(fromDan);
    phone.listener?.callsChanged([withBob, newCall('eve', 'incoming', '104')]);
    phone.listener?.callsChanged([withBob]);
    phone.listener?.callEnded(newCall('eve', 'incoming', '104'), { text: 'Missed call from 104', tone: 'info', missed: true });
    expect(state().caption).toBeNull();
    expect(state().call).toEqual(withBob);
    expect(state().recentCalls.map((call) => [call.number, call.outcome])).toEqual([
      ['104', 'missed'],
      ['103', 'missed'],
    ]);
  });
});
