import { F_TOKEN, is, isWs } from './chars';
import { Cursor, DQUOTE, LAQUOT, RAQUOT } from './cursor';
import { readParams, serializeParams, type Param } from './params';
import { quoteString } from './quoting';
import { splitHeaderList } from './splitList';
import { parseUri, serializeUri, type Uri } from './uri';

/**
 * A From/To/Contact/Route-style value: ( name-addr / addr-spec ) *( SEMI param ) (RFC 3261 §20.10, §25.1).
 * `displayName` is decoded (quoted-pairs resolved; a token sequence joined by single spaces); undefined if absent.
 */
export interface NameAddr {
  displayName?: string;
  uri: Uri;
  params: Param[];
}

export interface NameAddrOptions {
  /** Route, Record-Route and the like allow only the name-addr form (with `<>`). */
  requireBrackets?: boolean;
}

/** Parses one name-addr / addr-spec with its header parameters; undefined if malformed. */
export function parseNameAddr(value: string, options: NameAddrOptions = {}): NameAddr | undefined {
  const cursor = new Cursor(value);
  cursor.skipWs();
  let displayName: string | undefined;
  let uri: Uri | undefined;

  if (cursor.peek() === DQUOTE) {
    displayName = cursor.readQuotedString()?.value;
    if (displayName === undefined) return undefined;
    cursor.skipWs();
    uri = readBracketedUri(cursor);
  } else {
    const tokens = readDisplayTokens(cursor);
    if (tokens !== undefined) {
      if (tokens.length > 0) displayName = tokens.join(' ');
      uri = readBracketedUri(cursor);
    } else {
      if (options.requireBrackets) return undefined;
      uri = readAddrSpec(cursor);
    }
  }
  if (uri === undefined) return undefined;

  const params = readParams(cursor);
  cursor.skipWs();
  if (params === undefined || !cursor.done) return undefined;
  const nameAddr: NameAddr = { uri, params };
  if (displayName !== undefined) nameAddr.displayName = displayName;
  return nameAddr;
}

/**
 * display-name = *(token LWS): tokens up to a `<`, which makes this the name-addr form. Returns undefined (position
 * unchanged) if the text does not reach a `<` that way, i.e. it is an addr-spec (or malformed).
 */
function readDisplayTokens(cursor: Cursor): string[] | undefined {
  const start = cursor.pos;
  const tokens: string[] = [];
  for (;;) {
    if (cursor.peek() === LAQUOT) return tokens;
    const token = cursor.readWhile((c) => is(c, F_TOKEN));
    if (token.length === 0) break;
    tokens.push(token);
    cursor.skipWs();
  }
  cursor.pos = start;
  return undefined;
}

/** LAQUOT addr-spec RAQUOT, with no whitespace inside the brackets (RFC 4475 §3.1.2.14). */
function readBracketedUri(cursor: Cursor): Uri | undefined {
  if (!cursor.eat(LAQUOT)) return undefined;
  const text = cursor.readUntil(RAQUOT);
  if (text === undefined) return undefined;
  cursor.pos++;
  return parseUri(text);
}

/**
 * addr-spec without brackets ends at whitespace or the first ";" — any parameters belong to the header field. A URI
 * containing a comma, "?" or ";" must be in name-addr form (RFC 3261 §20.10, RFC 4475 §3.1.2.13).
 */
function readAddrSpec(cursor: Cursor): Uri | undefined {
  const text = cursor.readWhile((c) => c !== 0x3b && !isWs(c));
  if (text.includes(',') || text.includes('?')) return undefined;
  return parseUri(text);
}

/** Parses a comma-separated list of name-addr / addr-spec values; undefined if any element is malformed or empty. */
export function parseNameAddrList(value: string, options: NameAddrOptions = {}): NameAddr[] | undefined {
  const out: NameAddr[] = [];
  for (const part of splitHeaderList(value)) {
    const nameAddr = parseNameAddr(part, options);
    if (nameAddr === undefined) return undefined;
    out.push(nameAddr);
  }
  return out;
}

/** Always writes the name-addr form (`<>`), which is valid for every URI (RFC 3261 §20.10). */
export function serializeNameAddr(nameAddr: NameAddr): string {
  const name = nameAddr.displayName !== undefined ? `${quoteString(nameAddr.displayName)} ` : '';
  return `${name}<${serializeUri(nameAddr.uri)}>${serializeParams(nameAddr.params)}`;
}
