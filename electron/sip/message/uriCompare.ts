import { normalizeEscapes } from './escapes';
import { headerKey } from './headerNames';
import { hostsEqual } from './host';
import { telNumberDigits } from './telUri';
import type { SipUri, TelUri, Uri, UriHeader, UriParam } from './uri';

/** Parameters that make two SIP URIs differ when only one of them carries it (RFC 3261 §19.1.4). */
const MUST_MATCH_IF_PRESENT = new Set(['transport', 'user', 'ttl', 'method', 'maddr']);

/** URI equivalence: RFC 3261 §19.1.4 for sip/sips, RFC 3966 §4 for tel, escape-normalised text otherwise. */
export function urisEqual(a: Uri, b: Uri): boolean {
  if (a.kind === 'sip' && b.kind === 'sip') return sipUrisEqual(a, b);
  if (a.kind === 'tel' && b.kind === 'tel') return telUrisEqual(a, b);
  if (a.kind === 'absolute' && b.kind === 'absolute') {
    return a.scheme.toLowerCase() === b.scheme.toLowerCase() && normalizeEscapes(a.value) === normalizeEscapes(b.value);
  }
  return false;
}

function optionalEqual(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return normalizeEscapes(a) === normalizeEscapes(b);
}

function sipUrisEqual(a: SipUri, b: SipUri): boolean {
  // userinfo is case-sensitive; everything else is case-insensitive.
  if (a.scheme !== b.scheme || !optionalEqual(a.user, b.user) || !optionalEqual(a.password, b.password)) return false;
  if (!hostsEqual(a.host, b.host) || a.port !== b.port) return false;
  const pa = paramMap(a.params);
  const pb = paramMap(b.params);
  for (const [name, value] of pa) {
    if (pb.has(name)) {
      if (pb.get(name) !== value) return false;
    } else if (MUST_MATCH_IF_PRESENT.has(name)) {
      return false;
    }
  }
  for (const name of pb.keys()) if (!pa.has(name) && MUST_MATCH_IF_PRESENT.has(name)) return false;
  // Header components are never ignored: both URIs must carry the same set.
  const ha = headerSet(a.headers);
  const hb = headerSet(b.headers);
  return ha.length === hb.length && ha.every((entry, i) => entry === hb[i]);
}

/** Lower-cased, escape-normalised names and values; the first occurrence of a name wins. */
function paramMap(params: readonly UriParam[]): Map<string, string | null> {
  const map = new Map<string, string | null>();
  for (const param of params) {
    const name = normalizeEscapes(param.name).toLowerCase();
    if (!map.has(name)) map.set(name, param.value === undefined ? null : normalizeEscapes(param.value).toLowerCase());
  }
  return map;
}

function headerSet(headers: readonly UriHeader[]): string[] {
  return headers.map((header) => `${headerKey(normalizeEscapes(header.name))}\u0000${normalizeEscapes(header.value)}`).sort();
}

function telUrisEqual(a: TelUri, b: TelUri): boolean {
  if (telNumberDigits(a.number) !== telNumberDigits(b.number)) return false;
  const pa = telParamMap(a.params);
  const pb = telParamMap(b.params);
  if (pa.size !== pb.size) return false;
  for (const [name, value] of pa) if (!pb.has(name) || pb.get(name) !== value) return false;
  return true;
}

function telParamMap(params: readonly UriParam[]): Map<string, string | null> {
  const map = new Map<string, string | null>();
  for (const param of params) {
    const name = normalizeEscapes(param.name).toLowerCase();
    if (map.has(name)) continue;
    if (param.value === undefined) map.set(name, null);
    else if (name === 'ext' || name === 'isub') map.set(name, telNumberDigits(normalizeEscapes(param.value)));
    else map.set(name, normalizeEscapes(param.value).toLowerCase());
  }
  return map;
}
