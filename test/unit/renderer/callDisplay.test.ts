import { describe, expect, it } from 'vitest';
import { CALL_STATUS, describeCall, describeDisplay, type DisplayInput } from '../../../renderer/src/features/phone/displayModel';
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
