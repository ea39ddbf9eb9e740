import { F_ALPHA, F_DIGIT, F_HEX, F_TOKEN, is, isDigits, parseBoundedDigits } from './chars';
import { COLON, Cursor, SLASH } from './cursor';
import { hostKind, isIPv4, parseIPv6, parsePort } from './host';
import { findParam, readGenValue, readParams, serializeParams, type Param, type ParamValueReader } from './params';
import { splitHeaderList } from './splitList';

/**
 * One via-parm (RFC 3261 §20.42): sent-protocol, sent-by and parameters. `params` is what gets serialised; the
 * named fields are read from it at parse time for convenience (rport is `true` when present without a value,
 * RFC 3581).
 */
export interface Via {
  protocolName: string;
  protocolVersion: string;
  transport: string;
  host: string;
  port?: number;
  params: Param[];
  readonly branch?: string;
  readonly received?: string;
  readonly rport?: number | true;
  readonly maddr?: string;
  readonly ttl?: number;
}

/** via-received = "received" EQUAL (IPv4address / IPv6address); other values are gen-values. */
const readViaParamValue: ParamValueReader = (cursor, name) => {
  if (name !== 'received') return readGenValue(cursor, name);
  const value = cursor.readWhile((c) => is(c, F_HEX) || c === 0x3a || c === 0x2e || c === 0x5b || c === 0x5d);
  return value.length > 0 ? value : undefined;
};

/** Parses a single via-parm; undefined if malformed. */
export function parseVia(value: string): Via | undefined {
  const cursor = new Cursor(value);
  cursor.skipWs();
  const protocolName = cursor.readWhile((c) => is(c, F_TOKEN));
  if (!protocolName || !cursor.eatSeparator(SLASH)) return undefined;
  const protocolVersion = cursor.readWhile((c) => is(c, F_TOKEN));
  if (!protocolVersion || !cursor.eatSeparator(SLASH)) return undefined;
  const transport = cursor.readWhile((c) => is(c, F_TOKEN));
  if (!transport || !cursor.skipWs()) return undefined;

  let host: string;
  if (cursor.peek() === 0x5b) {
    const inner = cursor.readUntil(0x5d);
    if (inner === undefined) return undefined;
    cursor.pos++;
    host = inner + ']';
  } else {
    host = cursor.readWhile((c) => is(c, F_ALPHA | F_DIGIT) || c === 0x2e || c === 0x2d);
  }
  if (hostKind(host) === undefined) return undefined;
  let port: number | undefined;
  if (cursor.eatSeparator(COLON)) {
    port = parsePort(cursor.readWhile((c) => is(c, F_DIGIT)));
    if (port === undefined) return undefined;
  }

  const params = readParams(cursor, readViaParamValue);
  cursor.skipWs();
  if (params === undefined || !cursor.done) return undefined;
  const known = readKnownParams(params);
  if (known === undefined) return undefined;
  const via: Via = { protocolName, protocolVersion, transport, host, params, ...known };
  if (port !== undefined) via.port = port;
  return via;
}

type KnownViaParams = Pick<Via, 'branch' | 'received' | 'rport' | 'maddr' | 'ttl'>;

/** Checks the values of the parameters RFC 3261 §20.42 and RFC 3581 define; undefined if one is malformed. */
function readKnownParams(params: readonly Param[]): KnownViaParams | undefined {
  const known: { -readonly [K in keyof KnownViaParams]: KnownViaParams[K] } = {};
  const branch = findParam(params, 'branch');
  if (branch) {
    if (branch.value === undefined || !branch.value || !isTokenValue(branch.value)) return undefined;
    known.branch = branch.value;
  }
  const received = findParam(params, 'received');
  if (received) {
    const v = received.value ?? '';
    const bare = v.startsWith('[') && v.endsWith(']') ? v.slice(1, -1) : v;
    if (!isIPv4(v) && parseIPv6(bare) === undefined) return undefined;
    known.received = v;
  }
  const rport = findParam(params, 'rport');
  if (rport) {
    if (rport.value === undefined) known.rport = true;
    else {
      const port = isDigits(rport.value) ? parsePort(rport.value) : undefined;
      if (port === undefined) return undefined;
      known.rport = port;
    }
  }
  const maddr = findParam(params, 'maddr');
  if (maddr) {
    if (maddr.value === undefined || hostKind(maddr.value) === undefined) return undefined;
    known.maddr = maddr.value;
  }
  const ttl = findParam(params, 'ttl');
  if (ttl) {
    const value = ttl.value !== undefined && ttl.value.length <= 3 ? parseBoundedDigits(ttl.value, 255) : undefined;
    if (value === undefined) return undefined;
    known.ttl = value;
  }
  return known;
}

function isTokenValue(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (!is(value.charCodeAt(i), F_TOKEN)) return false;
  return true;
}

/** Parses a Via header value (one or more comma-separated via-parms); undefined if any is malformed. */
export function parseViaList(value: string): Via[] | undefined {
  const vias: Via[] = [];
  for (const part of splitHeaderList(value)) {
    const via = parseVia(part);
    if (via === undefined) return undefined;
    vias.push(via);
  }
  return vias;
}

export function serializeVia(via: Via): string {
  const port = via.port !== undefined ? `:${via.port}` : '';
  return `${via.protocolName}/${via.protocolVersion}/${via.transport} ${via.host}${port}${serializeParams(via.params)}`;
}

/** The RFC 3261 branch magic cookie (§8.1.1.7). */
export const BRANCH_MAGIC_COOKIE = 'z9hG4bK';
