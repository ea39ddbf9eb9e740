import { describe, expect, it } from 'vitest';
import { CALL_STATUS, describeCall, describeDisplay, FINISHING_LOGOUT, type DisplayInput } from '../../../renderer/src/features/phone/displayModel';
import { applyCallEvent, newCall } from '../../../renderer/src/phone/callView';

const base: DisplayInput = {
  status: 'ready',
  error: null,
  mac: '02:00:00:00:00:01',
  identity: { kind: 'pool', name: 'HD0001' },
  caption: null,
  connection: 'open',
};

describe('the display during a call', () => {
  it('shows who and what: calling, ringing, incoming, connecting', () => {
    const calling = newCall('c', 'outgoing', '200');
    expect(describeCall(calling)).toEqual({ party: '200', status: 'Calling…', phase: 'calling', answeredAt: null });
    expect(describeCall(applyCallEvent(calling, { type: 'progress' })).status).toBe('Ringing…');
    const ringing = newCall('i', 'incoming', '101', 'Bob Brown');
    expect(describeCall(ringing)).toMatchObject({ party: '101 Bob Brown', status: 'Incoming call' });
    expect(describeCall(applyCallEvent(ringing, { type: 'answering' })).status).toBe('Connecting…');
  });

  it('once answered: the timer runs from the answer; hold and mute say so', () => {
    const active = applyCallEvent(newCall('c', 'outgoing', '102'), { type: 'accepted', at: 42 });
    expect(describeCall(active)).toMatchObject({ status: CALL_STATUS.active, answeredAt: 42 });
    expect(describeCall({ ...active, muted: true }).status).toBe('Muted');
    expect(describeCall({ ...active, remoteHeld: true, muted: true }).status).toBe('Held by the other party');
    expect(describeCall({ ...active, held: true, remoteHeld: true }).status).toBe('On hold');
  });

  it('keeps the identity line, drops the idle hint, and still shows a caption', () => {
    const call = newCall('c', 'outgoing', '911');
    expect(describeDisplay({ ...base, call })).toMatchObject({ headline: 'HD0001', caption: '', call: { party: '911' } });
    expect(describeDisplay({ ...base, call, caption: { text: 'Cannot hold', tone: 'warning' } }).caption).toBe('Cannot hold');
    expect(describeDisplay({ ...base, call: null }).caption).toBe('Dial *77*<ext>* to log in');
  });
});

describe('the display in a call to a hot-desk code', () => {
  const ivr = applyCallEvent(newCall('ivr', 'outgoing', '*77*100*', '', true), { type: 'accepted', at: 0 });

  it("shows the IVR's caption on the caption line and the PIN as dots, never the digits", () => {
    const prompted = applyCallEvent(ivr, { type: 'caption', text: 'Enter your PIN, then press #' });
    const keyed = ['4', '8', '2'].reduce((call, tone) => applyCallEvent(call, { type: 'keyed', tone }), prompted);
    const model = describeDisplay({ ...base, call: keyed });
    expect(model.caption).toBe('Enter your PIN, then press #');
    expect(model.call?.masked).toBe('•••');
    expect(JSON.stringify(model)).not.toContain('482');
    expect(describeCall(applyCallEvent(keyed, { type: 'keyed', tone: '#' })).masked).toBe('');
  });

  it('a message of the phone itself still wins over the IVR caption', () => {
    const prompted = applyCallEvent(ivr, { type: 'caption', text: 'Enter your PIN, then press #' });
    expect(describeDisplay({ ...base, call: prompted, caption: { text: 'Cannot hold', tone: 'warning' } }).caption).toBe('Cannot hold');
  });

  it('ordinary calls have no dots', () => {
    const call = applyCallEvent(newCall('c', 'outgoing', '200'), { type: 'accepted', at: 0 });
    expect(describeCall(applyCallEvent(call, { type: 'keyed', tone: '1' })).masked).toBeUndefined();
  });
});

describe('the display of a logout the PBX has not confirmed', () => {
  it('shows the pool identity, finishing the logout, after the receipt', () => {
    const pending = { ...base, logoutPending: true };
    expect(describeDisplay(pending)).toMatchObject({ headline: 'HD0001', caption: FINISHING_LOGOUT, tone: 'warning' });
    expect(describeDisplay({ ...pending, caption: { text: 'Logged out — your history was cleared', tone: 'info' } }).caption).toBe(
      `Logged out — your history was cleared · ${FINISHING_LOGOUT}`,
    );
  });
});
