import { isValidCallId, parseDeltaSeconds, parseMaxForwards } from './scalars';
import { parseContactValue } from './contact';
import { parseMediaType } from './contentType';
import { parseCSeq } from './cseq';
import { canonicalHeaderName, headerKey, SINGLE_VALUE_HEADERS } from './headerNames';
import { parseNameAddr, parseNameAddrList } from './nameAddr';
import { parseSipDate } from './sipDate';
import type { SipHeader } from './sipMessage';
import { parseViaList } from './via';

const REQUIRED = ['via', 'from', 'to', 'call-id', 'cseq'];

type Check = (value: string) => boolean;

/** Headers checked for syntax, in the order their problems are reported (CSeq first: RFC 4475 §3.1.2.4). */
const CHECKS: readonly [key: string, check: Check][] = [
  ['via', (v) => parseViaList(v) !== undefined],
  ['cseq', (v) => parseCSeq(v) !== undefined],
  ['call-id', isValidCallId],
  ['from', (v) => parseNameAddr(v) !== undefined],
  ['to', (v) => parseNameAddr(v) !== undefined],
  ['max-forwards', (v) => parseMaxForwards(v) !== undefined],
  ['contact', (v) => parseContactValue(v) !== undefined],
  ['route', (v) => parseNameAddrList(v, { requireBrackets: true }) !== undefined],
  ['record-route', (v) => parseNameAddrList(v, { requireBrackets: true }) !== undefined],
  ['expires', (v) => parseDeltaSeconds(v) !== undefined],
  ['min-expires', (v) => parseDeltaSeconds(v) !== undefined],
  ['date', (v) => parseSipDate(v) !== undefined],
  ['content-type', (v) => parseMediaType(v) !== undefined],
];

/**
 * The message-layer sanity checks of RFC 3261 §8.2.2-style processing that a stateless 400 answers: single-value
 * headers appear once, the headers every request and response carries are present (§8.1.1), the headers the
 * layers above rely on are well-formed, and a request's CSeq method equals its method (§8.1.1.5).
 * Returns the problem, or undefined. Content-Length is checked while framing the body.
 */
export function checkHeaders(headers: readonly SipHeader[], requestMethod: string | undefined): string | undefined {
  const byKey = new Map<string, string[]>();
  for (const header of headers) {
    const key = headerKey(header.name);
    const values = byKey.get(key);
    if (values) values.push(header.value);
    else byKey.set(key, [header.value]);
  }

  const repeated = SINGLE_VALUE_HEADERS.filter((key) => (byKey.get(key)?.length ?? 0) > 1);
  if (repeated.length > 0) return `Repeated single-value header(s): ${repeated.map(canonicalHeaderName).join(', ')}`;
  const missing = REQUIRED.filter((key) => !byKey.has(key));
  if (missing.length > 0) return `Missing required header(s): ${missing.map(canonicalHeaderName).join(', ')}`;

  for (const [key, check] of CHECKS) {
    for (const value of byKey.get(key) ?? []) {
      if (!check(value)) return `Malformed ${canonicalHeaderName(key)} header`;
    }
  }

  if (requestMethod !== undefined) {
    const cseq = parseCSeq(byKey.get('cseq')?.[0] ?? '');
    if (cseq && cseq.method !== requestMethod) {
      return `CSeq method ${cseq.method} does not match the request method ${requestMethod}`;
    }
  }
  return undefined;
}
