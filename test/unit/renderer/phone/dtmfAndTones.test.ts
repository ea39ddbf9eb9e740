import { describe, expect, it } from 'vitest';
import { dtmfTransportFor, isDtmfTone } from '../../../../renderer/src/phone/dtmf';
import { RING, RINGBACK, cycleMs, cycleSteps } from '../../../../renderer/src/phone/tones';

const peer = (senders: Array<{ kind: string | null; canInsertDTMF?: boolean }>) => ({
  getSenders: () =>
    senders.map((sender) => ({
      track: sender.kind ? { kind: sender.kind } : null,
      dtmf: sender.canInsertDTMF === undefined ? null : { canInsertDTMF: sender.canInsertDTMF },
    })),
});

describe('DTMF', () => {
  it('knows the dialpad tones', () => {
    for (const key of ['0', '5', '9', '*', '#']) expect(isDtmfTone(key)).toBe(true);
    for (const key of ['+', 'A', '', '12']) expect(isDtmfTone(key)).toBe(false);
  });

  it('uses RFC 4733 events when the audio sender can insert them, SIP INFO otherwise', () => {
    expect(dtmfTransportFor(peer([{ kind: 'audio', canInsertDTMF: true }]))).toBe('RFC2833');
    expect(dtmfTransportFor(peer([{ kind: 'audio', canInsertDTMF: false }]))).toBe('INFO');
    expect(dtmfTransportFor(peer([{ kind: 'audio' }]))).toBe('INFO');
    expect(dtmfTransportFor(peer([{ kind: null, canInsertDTMF: true }]))).toBe('INFO');
    expect(dtmfTransportFor(peer([]))).toBe('INFO');
    expect(dtmfTransportFor(null)).toBe('INFO');
  });
});

describe('tones', () => {
  it('rings with the desk-phone double ring: 0.4 on, 0.2 off, 0.4 on, 2 off', () => {
    expect(cycleMs(RING)).toBe(3_000);
    expect(cycleSteps(RING)).toEqual([
      { at: 0, on: true },
      { at: 0.4, on: false },
      { at: 0.6, on: true },
      { at: 1, on: false },
    ]);
  });

  it('ringback is 2 s on, 4 s off, quieter than the ringer', () => {
    expect(cycleSteps(RINGBACK)).toEqual([
      { at: 0, on: true },
      { at: 2, on: false },
    ]);
    expect(cycleMs(RINGBACK)).toBe(6_000);
    expect(RINGBACK.level).toBeLessThan(RING.level);
  });
});
