import { F_WORD, is } from './chars';
import { Cursor } from './cursor';
import { getParam, readParams } from './params';
import { isValidCallId } from './scalars';
import { getHeader, type HeaderBag } from './sipMessage';

/** A Replaces header field (RFC 3891 §6.1): `callid *(SEMI replaces-param)`, naming the dialog to replace. */
export interface ReplacesHeader {
  callId: string;
  toTag: string;
  fromTag: string;
  /** `early-only`: replace the dialog only while it is early (RFC 3891 §3). */
  earlyOnly: boolean;
}

/** The request's Replaces header, or undefined when it has none or it lacks its Call-ID, to-tag or from-tag. */
export function getReplacesHeader(bag: HeaderBag): ReplacesHeader | undefined {
  const raw = getHeader(bag, 'Replaces');
  if (raw === undefined) return undefined;
  const cursor = new Cursor(raw);
  cursor.skipWs();
  // callid = word [ "@" word ]
  const callId = cursor.readWhile((c) => c === 0x40 || is(c, F_WORD));
  if (!isValidCallId(callId)) return undefined;
  const params = readParams(cursor);
  cursor.skipWs();
  if (params === undefined || !cursor.done) return undefined;
  const toTag = getParam(params, 'to-tag');
  const fromTag = getParam(params, 'from-tag');
  if (!toTag || !fromTag) return undefined;
  return { callId, toTag, fromTag, earlyOnly: getParam(params, 'early-only') !== undefined };
}
