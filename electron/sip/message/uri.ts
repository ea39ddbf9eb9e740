import { F_ALPHA, F_SCHEME, F_URIC, allOf, allOfOrEscaped, is } from './chars';
import { parseSipUri, serializeSipUri } from './sipUri';
import { parseTelUri, serializeTelUri } from './telUri';

/** A URI parameter, as written (escapes kept). `value` is undefined for a parameter without `=`. */
export interface UriParam {
  name: string;
  value?: string;
}

/** A URI header (`?name=value&...`), as written (escapes kept). */
export interface UriHeader {
  name: string;
  value: string;
}

/**
 * A SIP or SIPS URI (RFC 3261 §19.1). Components are kept as written, escapes included, because an escaped reserved
 * character is not the same as the character itself (§19.1.4); compare with urisEqual, display with
 * unescapeUriComponent. `host` keeps the brackets of an IPv6 reference.
 */
export interface SipUri {
  kind: 'sip';
  scheme: 'sip' | 'sips';
  user?: string;
  password?: string;
  host: string;
  port?: number;
  params: UriParam[];
  headers: UriHeader[];
}

/** A tel URI (RFC 3966): the number as written (with visual separators) and its parameters. */
export interface TelUri {
  kind: 'tel';
  scheme: 'tel';
  number: string;
  params: UriParam[];
}

/** Any other absoluteURI (RFC 3261 §25.1 / RFC 2396): the scheme and the rest, as written. */
export interface AbsoluteUri {
  kind: 'absolute';
  scheme: string;
  value: string;
}

export type Uri = SipUri | TelUri | AbsoluteUri;

/**
 * Parses a Request-URI or an addr-spec: SIP-URI / SIPS-URI / absoluteURI. A sip/sips URI must be well-formed; a tel
 * URI that is not valid RFC 3966 is still a valid absoluteURI. Undefined if the text is not a URI.
 */
export function parseUri(text: string): Uri | undefined {
  const colon = text.indexOf(':');
  if (colon <= 0) return undefined;
  const scheme = text.slice(0, colon);
  if (!is(scheme.charCodeAt(0), F_ALPHA) || !allOf(scheme, F_SCHEME)) return undefined;
  const lower = scheme.toLowerCase();
  if (lower === 'sip' || lower === 'sips') return parseSipUri(text);
  if (lower === 'tel') return parseTelUri(text) ?? parseAbsoluteUri(text);
  return parseAbsoluteUri(text);
}

/** absoluteURI = scheme ":" 1*uric (hier-part / opaque-part, without distinguishing them). */
function parseAbsoluteUri(text: string): AbsoluteUri | undefined {
  const colon = text.indexOf(':');
  if (colon <= 0) return undefined;
  const scheme = text.slice(0, colon);
  const value = text.slice(colon + 1);
  if (!is(scheme.charCodeAt(0), F_ALPHA) || !allOf(scheme, F_SCHEME)) return undefined;
  if (value.length === 0 || !allOfOrEscaped(value, F_URIC)) return undefined;
  return { kind: 'absolute', scheme, value };
}

export function serializeUri(uri: Uri): string {
  switch (uri.kind) {
    case 'sip':
      return serializeSipUri(uri);
    case 'tel':
      return serializeTelUri(uri);
    case 'absolute':
      return `${uri.scheme}:${uri.value}`;
  }
}

function findUriParam(params: readonly UriParam[], name: string): UriParam | undefined {
  const key = name.toLowerCase();
  return params.find((param) => param.name.toLowerCase() === key);
}

/** The parameter's value as written; '' for a parameter without a value; undefined if absent. */
export function getUriParam(uri: { params: readonly UriParam[] }, name: string): string | undefined {
  const param = findUriParam(uri.params, name);
  return param === undefined ? undefined : (param.value ?? '');
}
