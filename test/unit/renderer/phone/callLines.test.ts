import { describe, expect, it } from 'vitest';
import { backgroundCalls, callControls, consultPair, focusedCall, mayRing, waitingCall } from '../../../../renderer/src/phone/callLines';
import { applyCallEvent, newCall, type CallView } from '../../../../renderer/src/phone/callView';

const active = (id: string, number: string, extra: Partial<CallView> = {}): CallView => ({ ...applyCallEvent(newCall(id, 'outgoing', number), { type: 'accepted', at: 1 }), ...extra });
const ringing = (id: string, number: string) => newCall(id, 'incoming', number);
const held = (id: string, number: string) => active(id, number, { held: true });

describe('several calls: which one the user is on', () => {
  it('a single call is the focus, ringing or not', () => {
    expect(focusedCall([])).toBeNull();
    expect(focusedCall([ringing('a', '101')])?.id).toBe('a');
    expect(waitingCall([ringing('a', '101')])).toBeNull();
  });

  it('a second incoming call waits behind the call in progress, which keeps the focus', () => {
    const calls = [active('a', '101'), ringing('b', '103')];
    expect(focusedCall(calls)?.id).toBe('a');
    expect(waitingCall(calls)?.id).toBe('b');
    expect(backgroundCalls(calls)).toEqual([]);
  });

  it('the newest call not on hold is the focus; with all held, the newest', () => {
    expect(focusedCall([held('a', '101'), active('b', '103')])?.id).toBe('b');
    expect(focusedCall([active('a', '101'), held('b', '103')])?.id).toBe('a');
    expect(focusedCall([held('a', '101'), held('b', '103')])?.id).toBe('b');
    expect(backgroundCalls([held('a', '101'), active('b', '103')]).map((call) => call.id)).toEqual(['a']);
  });

  it('a caller may ring on a free phone, or during one call with call waiting on — never as a third call', () => {
    expect(mayRing([], false)).toBe(true);
    expect(mayRing([active('a', '101')], true)).toBe(true);
    expect(mayRing([active('a', '101')], false)).toBe(false);
    expect(mayRing([ringing('a', '101')], true)).toBe(false);
    expect(mayRing([held('a', '101'), active('b', '103')], true)).toBe(false);
  });
});

describe('which call controls apply', () => {
  it('ringing alone: Answer and Decline only', () => {
    expect(callControls([ringing('a', '101')])).toMatchObject({ answer: true, hold: false, mute: false, transfer: false, waiting: null, swapTo: [] });
  });

  it('one established call: Hold, Mute and Transfer; held, no Mute; a hot-desk call is never transferred', () => {
    expect(callControls([active('a', '102')])).toMatchObject({ answer: false, hold: true, mute: true, transfer: true, completeTransfer: false, cancelTransfer: false });
    expect(callControls([held('a', '102')])).toMatchObject({ hold: true, mute: false, transfer: true });
    expect(callControls([active('a', '*77*100*', { hotDesk: true })]).transfer).toBe(false);
    expect(callControls([active('a', '102')]).swapTo).toEqual([]);
  });

  it('no second Transfer while one is pending; a failed one may be tried again', () => {
    expect(callControls([active('a', '102', { transfer: { text: 'Transferring to 103…', pending: true } })]).transfer).toBe(false);
    expect(callControls([active('a', '102', { transfer: { text: 'Transfer failed — Busy Here', pending: false } })]).transfer).toBe(true);
  });

  it('a call waiting: its Answer/Decline, while the focused call keeps its controls', () => {
    const controls = callControls([active('a', '101'), ringing('b', '103')]);
    expect(controls.waiting?.id).toBe('b');
    expect(controls).toMatchObject({ answer: false, hold: true, transfer: true, swapTo: [] });
  });

  it('two established calls: swap to the held one; no Transfer of either', () => {
    const controls = callControls([held('a', '101'), active('b', '103')]);
    expect(controls.swapTo.map((call) => call.id)).toEqual(['a']);
    expect(controls.transfer).toBe(false);
  });

  it('attended transfer: Cancel transfer from the start, Complete transfer once the target answered', () => {
    const original = held('a', '102');
    const calling = newCall('c', 'outgoing', '103', '', false, 'a');
    expect(consultPair([original, calling])).toEqual({ original, consult: calling });
    expect(callControls([original, calling])).toMatchObject({ completeTransfer: false, cancelTransfer: true, transfer: false, swapTo: [original] });
    const answered = applyCallEvent(calling, { type: 'accepted', at: 2 });
    expect(callControls([original, answered])).toMatchObject({ completeTransfer: true, cancelTransfer: true });
    // Swapped back to the transferee: both controls stay, the target is the held call now.
    expect(callControls([{ ...original, held: false }, { ...answered, held: true }])).toMatchObject({ completeTransfer: true, cancelTransfer: true });
    // The held call gone: no pair any more.
    expect(consultPair([answered])).toBeNull();
  });
});
