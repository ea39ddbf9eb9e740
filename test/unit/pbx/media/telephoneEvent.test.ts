import { describe, expect, it } from 'vitest';
import { DtmfDetector, dtmfDigit, parseTelephoneEvent } from '../../../../electron/pbx/media/telephoneEvent';
import { dtmfEvent, encodeTelephoneEvent } from '../../../support/telephoneEvents';

const packet = (event: number, end: boolean, duration: number) => encodeTelephoneEvent({ event, end, volume: 10, duration });

describe('RFC 4733 telephone-event payload', () => {
  it('encodes and parses the 4-byte payload of §2.3', () => {
    const bytes = encodeTelephoneEvent({ event: 11, end: true, volume: 10, duration: 1000 });
    expect([...bytes]).toEqual([11, 0x8a, 0x03, 0xe8]);
    expect(parseTelephoneEvent(bytes)).toEqual({ event: 11, end: true, volume: 10, duration: 1000 });
    expect(parseTelephoneEvent(Uint8Array.of(1, 2, 3))).toBeNull();
  });

  it('maps event codes 0-15 to keys (§3.2) and back', () => {
    expect([...Array(16).keys()].map(dtmfDigit).join('')).toBe('0123456789*#ABCD');
    expect(dtmfDigit(16)).toBeNull();
    expect(dtmfEvent('#')).toBe(11);
    expect(dtmfEvent('*')).toBe(10);
    expect(dtmfEvent('d')).toBe(15);
    expect(dtmfEvent('x')).toBeNull();
    expect(dtmfEvent('12')).toBeNull();
  });
});

describe('DtmfDetector', () => {
  it('reports a key press once although its packets repeat (updates and three end packets, one timestamp)', () => {
    const detector = new DtmfDetector();
    const digits = [
      detector.push(7, 1000, packet(1, false, 160)),
      detector.push(7, 1000, packet(1, false, 320)),
      detector.push(7, 1000, packet(1, true, 480)),
      detector.push(7, 1000, packet(1, true, 480)),
      detector.push(7, 1000, packet(1, true, 480)),
      detector.push(7, 2000, packet(1, false, 160)), // the same key again: a new press
      detector.push(7, 2000, packet(1, true, 320)),
      detector.push(7, 3000, packet(11, true, 320)), // start packets lost: the end packet still counts
      detector.push(7, 3000, packet(11, true, 320)),
    ].filter((digit) => digit !== null);
    expect(digits).toEqual(['1', '1', '#']);
  });

  it('ignores non-DTMF events and short payloads', () => {
    const detector = new DtmfDetector();
    expect(detector.push(7, 1000, packet(32, false, 160))).toBeNull(); // fax CED tone
    expect(detector.push(7, 1000, Uint8Array.of(1))).toBeNull();
  });

  it('tells sources apart', () => {
    const detector = new DtmfDetector();
    expect(detector.push(1, 1000, packet(5, false, 160))).toBe('5');
    expect(detector.push(2, 1000, packet(5, false, 160))).toBe('5');
  });
});
