import { dtmfDigit, type TelephoneEvent } from '../../electron/pbx/media/telephoneEvent';

/** The 4-byte RFC 4733 §2.3 payload of a telephone-event, as a browser sends it (the PBX only receives them). */
export function encodeTelephoneEvent({ event, end, volume, duration }: TelephoneEvent): Uint8Array {
  return Uint8Array.of(event & 0xff, (end ? 0x80 : 0) | (volume & 0x3f), (duration >> 8) & 0xff, duration & 0xff);
}

/** The DTMF event code for a key (0-9, *, #, A-D; RFC 4733 §3.2), or null: the inverse of dtmfDigit. */
export function dtmfEvent(digit: string): number | null {
  if (digit.length !== 1) return null;
  for (let event = 0; event < 16; event += 1) if (dtmfDigit(event) === digit.toUpperCase()) return event;
  return null;
}
