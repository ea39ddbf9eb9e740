/**
 * RFC 4733 telephone-events (DTMF over RTP): the 4-byte payload of §2.3 and a detector that reports each key press
 * once. A sender repeats the packets of one event (same RTP timestamp, growing duration) and sends the end packet
 * three times (§2.5.1.4), so events are told apart by RTP timestamp.
 */

/** DTMF event codes 0-15 (RFC 4733 §3.2): 0-9, *, #, A-D. */
const DTMF_EVENTS = '0123456789*#ABCD';

export interface TelephoneEvent {
  event: number;
  /** E bit: the last packet(s) of the event. */
  end: boolean;
  /** Power level in -dBm0 (0-63). */
  volume: number;
  /** Duration so far, in timestamp units. */
  duration: number;
}

export function parseTelephoneEvent(payload: Uint8Array): TelephoneEvent | null {
  if (payload.length < 4) return null;
  const flags = payload[1] ?? 0;
  return {
    event: payload[0] ?? 0,
    end: (flags & 0x80) !== 0,
    volume: flags & 0x3f,
    duration: ((payload[2] ?? 0) << 8) | (payload[3] ?? 0),
  };
}

/** The key for a DTMF event code, or null for other events (e.g. fax tones). */
export function dtmfDigit(event: number): string | null {
  return DTMF_EVENTS[event] ?? null;
}

/** How many recent events are remembered; a retransmission older than this many key presses is reported again. */
const REMEMBERED_EVENTS = 32;

/**
 * Turns a stream of telephone-event packets into digits: reports a key on the first packet of each event (start,
 * update or end, whichever arrives first, so a lost start packet costs nothing), and ignores every later packet with
 * the same source and timestamp.
 */
export class DtmfDetector {
  private readonly seen: string[] = [];

  /** Returns the digit when this packet begins a new key press, otherwise null. */
  push(ssrc: number, timestamp: number, payload: Uint8Array): string | null {
    const parsed = parseTelephoneEvent(payload);
    if (parsed === null) return null;
    const digit = dtmfDigit(parsed.event);
    if (digit === null) return null;
    const key = `${ssrc}:${timestamp}:${parsed.event}`;
    if (this.seen.includes(key)) return null;
    this.seen.push(key);
    if (this.seen.length > REMEMBERED_EVENTS) this.seen.shift();
    return digit;
  }
}
