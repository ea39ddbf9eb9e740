import { headerKey, isListHeader } from './headerNames';
import { splitHeaderList } from './splitList';
import type { Uri } from './uri';
import { decodeUtf8Lenient, encodeUtf8 } from './utf8';

/** One header field line: the name as received (or given) and its unfolded value. */
export interface SipHeader {
  name: string;
  value: string;
}

/** Anything with an ordered header list; the header helpers below work on it. */
export interface HeaderBag {
  headers: SipHeader[];
}

interface SipMessageBase extends HeaderBag {
  /** Always "SIP/2.0" for parsed messages. */
  version: string;
  /** The message body, exactly Content-Length bytes for parsed messages. */
  body: Uint8Array;
}

export interface SipRequest extends SipMessageBase {
  kind: 'request';
  method: string;
  requestUri: Uri;
}

export interface SipResponse extends SipMessageBase {
  kind: 'response';
  status: number;
  reason: string;
}

export type SipMessage = SipRequest | SipResponse;

export const SIP_VERSION = 'SIP/2.0';

function matches(header: SipHeader, key: string): boolean {
  return headerKey(header.name) === key;
}

/** The values of every header line called `name` (any case, compact form or not), one per line, unsplit. */
export function getHeaderLines(bag: HeaderBag, name: string): string[] {
  const key = headerKey(name);
  return bag.headers.filter((header) => matches(header, key)).map((header) => header.value);
}

/**
 * All values of a header, in order. Lines of a comma-separated list header (Via, Contact, Route, Supported, ...)
 * are split at the commas that separate elements, respecting quotes and `<>`; other headers (whose values may
 * contain commas, e.g. Date or WWW-Authenticate, or unknown headers) give one value per line. Empty elements are
 * dropped.
 */
export function getHeaders(bag: HeaderBag, name: string): string[] {
  const key = headerKey(name);
  const lines = getHeaderLines(bag, key);
  if (!isListHeader(key)) return lines;
  return lines.flatMap((line) => splitHeaderList(line).filter((part) => part.length > 0));
}

/** The first value of getHeaders (so the topmost Via), or undefined. */
export function getHeader(bag: HeaderBag, name: string): string | undefined {
  return getHeaders(bag, name)[0];
}

export function hasHeader(bag: HeaderBag, name: string): boolean {
  const key = headerKey(name);
  return bag.headers.some((header) => matches(header, key));
}

/** Replaces every line of the header by one line with `value`, where the first was; appends if there was none. */
export function setHeader(bag: HeaderBag, name: string, value: string): void {
  const key = headerKey(name);
  const index = bag.headers.findIndex((header) => matches(header, key));
  if (index < 0) {
    bag.headers.push({ name, value });
    return;
  }
  bag.headers = bag.headers.filter((header, i) => i === index || !matches(header, key));
  bag.headers[index] = { name, value };
}

/** Appends a header line. */
export function addHeader(bag: HeaderBag, name: string, value: string): void {
  bag.headers.push({ name, value });
}

/** Inserts a header line before the first line of the same header (e.g. a new topmost Via), or at the top. */
export function prependHeader(bag: HeaderBag, name: string, value: string): void {
  const key = headerKey(name);
  const index = bag.headers.findIndex((header) => matches(header, key));
  bag.headers.splice(index < 0 ? 0 : index, 0, { name, value });
}

/** Removes every line of the header; returns how many were removed. */
export function removeHeader(bag: HeaderBag, name: string): number {
  const key = headerKey(name);
  const before = bag.headers.length;
  bag.headers = bag.headers.filter((header) => !matches(header, key));
  return before - bag.headers.length;
}

/** The body as text (UTF-8; invalid sequences become U+FFFD). */
export function getBodyText(message: { body: Uint8Array }): string {
  return decodeUtf8Lenient(message.body);
}

/** Sets the body (text is UTF-8 encoded), its Content-Length and, if given, its Content-Type. */
export function setBody(message: SipMessage, body: string | Uint8Array, contentType?: string): void {
  message.body = typeof body === 'string' ? encodeUtf8(body) : body;
  if (contentType !== undefined) setHeader(message, 'Content-Type', contentType);
  setHeader(message, 'Content-Length', String(message.body.length));
}
