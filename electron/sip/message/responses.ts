import { isToken } from './chars';
import { canonicalHeaderName, headerKey } from './headerNames';
import { parseNameAddr } from './nameAddr';
import { hasParam } from './params';
import type { ParseError } from './parseResult';
import { quoteString } from './quoting';
import { reasonPhrase } from './reasonPhrases';
import { SIP_VERSION, type SipHeader, type SipRequest, type SipResponse } from './sipMessage';
import { encodeUtf8 } from './utf8';

export interface BuildResponseOptions {
  /** Reason phrase; defaults to the usual one for the status. */
  reason?: string;
  /** Tag added to To if it has none; ignored for 100 Trying (RFC 3261 §8.2.6.2). */
  toTag?: string;
  /** Extra header fields, after the copied ones. */
  headers?: readonly SipHeader[];
  /** Body (set its Content-Type in `headers`). */
  body?: string | Uint8Array;
}

const COPIED = ['via', 'from', 'to', 'call-id', 'cseq'];

/**
 * A response to `request` (RFC 3261 §8.2.6): the Via lines (all, in order), From, To (with `toTag` added when it has
 * none), Call-ID and CSeq copied as received; Timestamp too for a 100 (§8.2.6.1); then `headers`. Content-Length is
 * written when serialising.
 */
export function buildResponse(request: SipRequest, status: number, options: BuildResponseOptions = {}): SipResponse {
  const headers = copyHeaders(request.headers, status, options.toTag);
  if (status === 100) {
    for (const header of request.headers) {
      if (headerKey(header.name) === 'timestamp') headers.push({ name: 'Timestamp', value: header.value });
    }
  }
  headers.push(...(options.headers ?? []));
  headers.push({ name: 'Content-Length', value: '0' });
  const body = options.body === undefined ? new Uint8Array(0) : typeof options.body === 'string' ? encodeUtf8(options.body) : options.body;
  return { kind: 'response', version: SIP_VERSION, status, reason: options.reason ?? reasonPhrase(status), headers, body };
}

export interface ErrorResponseOptions {
  /** Tag added to To if it has none (a stateless error response still needs one, RFC 3261 §8.2.6.2). */
  toTag?: string;
  reason?: string;
  /** When set, the problem is also reported in `Warning: 399 <warnAgent> "<reason>"` (RFC 3261 §20.43). */
  warnAgent?: string;
}

/**
 * The 400/505/513 response to a request parseSipMessage rejected, built from what could be read of it (some of
 * Via, From, To, Call-ID, CSeq may be missing, RFC 4475 §3.3.1). Undefined when the message must be dropped.
 */
export function buildErrorResponse(error: ParseError, options: ErrorResponseOptions = {}): SipResponse | undefined {
  if (!error.respond || error.partial === undefined || error.status === undefined) return undefined;
  const headers = copyHeaders(error.partial.headers, error.status, options.toTag);
  if (options.warnAgent !== undefined) {
    headers.push({ name: 'Warning', value: `399 ${options.warnAgent} ${quoteString(error.reason)}` });
  }
  headers.push({ name: 'Content-Length', value: '0' });
  return {
    kind: 'response',
    version: SIP_VERSION,
    status: error.status,
    reason: options.reason ?? reasonPhrase(error.status),
    headers,
    body: new Uint8Array(0),
  };
}

/** Via lines in order, then the first From, To, Call-ID and CSeq. */
function copyHeaders(source: readonly SipHeader[], status: number, toTag: string | undefined): SipHeader[] {
  if (toTag !== undefined && !isToken(toTag)) throw new TypeError(`Invalid To tag: ${JSON.stringify(toTag)}`);
  const out: SipHeader[] = [];
  for (const header of source) {
    if (headerKey(header.name) === 'via') out.push({ name: 'Via', value: header.value });
  }
  for (const key of COPIED.slice(1)) {
    const header = source.find((candidate) => headerKey(candidate.name) === key);
    if (header === undefined) continue;
    let value = header.value;
    if (key === 'to' && toTag !== undefined && status !== 100 && !hasTag(value)) value += `;tag=${toTag}`;
    out.push({ name: canonicalHeaderName(key), value });
  }
  return out;
}

function hasTag(to: string): boolean {
  const parsed = parseNameAddr(to);
  if (parsed) return hasParam(parsed.params, 'tag');
  // Malformed To (error responses): look for a tag parameter after the URI.
  const afterUri = to.slice(to.lastIndexOf('>') + 1);
  return /;[ \t]*tag[ \t]*=/i.test(afterUri);
}
