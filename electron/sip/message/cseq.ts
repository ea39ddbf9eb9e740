import { F_DIGIT, F_TOKEN, is, isWs, parseBoundedDigits } from './chars';
import { Cursor } from './cursor';

/** The CSeq sequence number must fit in 32 bits unsigned (RFC 3261 §20.16). */
export const CSEQ_MAX = 2 ** 32 - 1;

export interface CSeq {
  seq: number;
  method: string;
}

/** CSeq = 1*DIGIT LWS Method; undefined if malformed or the number exceeds CSEQ_MAX. */
export function parseCSeq(value: string): CSeq | undefined {
  const cursor = new Cursor(value);
  cursor.skipWs();
  const digits = cursor.readWhile((c) => is(c, F_DIGIT));
  if (!isWs(cursor.peek())) return undefined;
  cursor.skipWs();
  const method = cursor.readWhile((c) => is(c, F_TOKEN));
  cursor.skipWs();
  const seq = parseBoundedDigits(digits, CSEQ_MAX);
  if (seq === undefined || method.length === 0 || !cursor.done) return undefined;
  return { seq, method };
}
