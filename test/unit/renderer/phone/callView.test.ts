import { describe, expect, it } from 'vitest';
import { applyCallEvent, captionFromInfo, isEstablished, isRinging, newCall, partyLabel } from '../../../../renderer/src/phone/callView';

describe('call view', () => {
  it('an outgoing call goes calling → ringing → active, the timer starting at the answer', () => {
    let call = newCall('c1', 'outgoing', '200');
    expect(call.phase).toBe('calling');
    call = applyCallEvent(call, { type: 'progress' });
    expect(call.phase).toBe('ringing');
    expect(applyCallEvent(call, { type: 'progress' })).toBe(call);
    call = applyCallEvent(call, { type: 'accepted', at: 1_000 });
    expect(call).toMatchObject({ phase: 'active', answeredAt: 1_000 });
    expect(applyCallEvent(call, { type: 'accepted', at: 5_000 }).answeredAt).toBe(1_000);
    expect(isEstablished(call)).toBe(true);
  });

  it('an incoming call rings until answered', () => {
    let call = newCall('c2', 'incoming', '101', 'Bob Brown');
    expect(isRinging(call)).toBe(true);
    call = applyCallEvent(call, { type: 'answering' });
    expect(call.phase).toBe('answering');
    expect(isRinging(call)).toBe(false);
    call = applyCallEvent(call, { type: 'accepted', at: 2_000 });
    expect(call.phase).toBe('active');
    expect(isRinging(null)).toBe(false);
    expect(isEstablished(null)).toBe(false);
  });

  it('tracks our hold, their hold and mute separately', () => {
    let call = applyCallEvent(newCall('c3', 'outgoing', '102'), { type: 'accepted', at: 0 });
    call = applyCallEvent(call, { type: 'hold', originator: 'local', on: true });
    call = applyCallEvent(call, { type: 'hold', originator: 'remote', on: true });
    call = applyCallEvent(call, { type: 'muted', on: true });
    expect(call).toMatchObject({ held: true, remoteHeld: true, muted: true });
    call = applyCallEvent(call, { type: 'hold', originator: 'local', on: false });
    expect(call).toMatchObject({ held: false, remoteHeld: true });
  });

  it('a P-Asserted-Identity fills in who answered, keeping what it does not say', () => {
    const call = applyCallEvent(newCall('c4', 'outgoing', '0'), { type: 'identified', number: '', name: 'Reception' });
    expect(call).toMatchObject({ number: '0', name: 'Reception' });
  });

  it('labels the party like the identity line: number then name', () => {
    expect(partyLabel({ number: '101', name: 'Bob Brown' })).toBe('101 Bob Brown');
    expect(partyLabel({ number: '102', name: '' })).toBe('102');
    expect(partyLabel({ number: '102', name: '102' })).toBe('102');
    expect(partyLabel({ number: '', name: 'Reception' })).toBe('Reception');
    expect(partyLabel({ number: '', name: '' })).toBe('Unknown');
  });
});

describe('captions of a far-end IVR', () => {
  it('are one clean line of at most 200 characters', () => {
    expect(captionFromInfo('  Enter your PIN,\r\nthen press #  ')).toBe('Enter your PIN, then press #');
    expect(captionFromInfo('a\u0000b\u202ec\u200bd')).toBe('a b c d');
    expect(captionFromInfo('x'.repeat(500))).toHaveLength(200);
    expect(captionFromInfo('Wrong PIN — try again')).toBe('Wrong PIN — try again');
  });
});
