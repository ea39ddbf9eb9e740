import { F_HNV, F_PARAM, F_PASSWORD, F_USER, allOfOrEscaped } from './chars';
import { hostKind, parsePort } from './host';
import type { SipUri, UriHeader, UriParam } from './uri';

/**
 * SIP-URI = "sip:" [ userinfo ] hostport uri-parameters [ headers ] (RFC 3261 §25.1), likewise "sips:".
 * An "@" can only end the userinfo (no other component may contain one unescaped), so the userinfo is split off
 * first; it may contain ";", "?" and "/" (RFC 4475 §3.1.1.2, §3.1.1.9).
 */
export function parseSipUri(text: string): SipUri | undefined {
  const colon = text.indexOf(':');
  const scheme = text.slice(0, colon).toLowerCase();
  if (colon < 0 || (scheme !== 'sip' && scheme !== 'sips')) return undefined;
  let rest = text.slice(colon + 1);

  let user: string | undefined;
  let password: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    if (rest.indexOf('@', at + 1) >= 0) return undefined;
    const userinfo = rest.slice(0, at);
    rest = rest.slice(at + 1);
    const split = userinfo.indexOf(':');
    user = split >= 0 ? userinfo.slice(0, split) : userinfo;
    if (split >= 0) password = userinfo.slice(split + 1);
    if (user.length === 0 || !allOfOrEscaped(user, F_USER)) return undefined;
    if (password !== undefined && !allOfOrEscaped(password, F_PASSWORD)) return undefined;
  }

  let i: number;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0) return undefined;
    i = close + 1;
  } else {
    i = 0;
    while (i < rest.length && !':;?'.includes(rest[i] ?? '')) i++;
  }
  const host = rest.slice(0, i);
  if (hostKind(host) === undefined) return undefined;

  let port: number | undefined;
  if (rest[i] === ':') {
    let end = i + 1;
    while (end < rest.length && rest[end] !== ';' && rest[end] !== '?') end++;
    port = parsePort(rest.slice(i + 1, end));
    if (port === undefined) return undefined;
    i = end;
  }

  const params: UriParam[] = [];
  if (rest[i] === ';') {
    const q = rest.indexOf('?', i);
    const end = q < 0 ? rest.length : q;
    for (const part of rest.slice(i + 1, end).split(';')) {
      const param = parseUriParam(part);
      if (param === undefined) return undefined;
      params.push(param);
    }
    i = end;
  }

  const headers: UriHeader[] = [];
  if (rest[i] === '?') {
    for (const part of rest.slice(i + 1).split('&')) {
      const eq = part.indexOf('=');
      if (eq <= 0) return undefined;
      const name = part.slice(0, eq);
      const value = part.slice(eq + 1);
      if (!allOfOrEscaped(name, F_HNV) || !allOfOrEscaped(value, F_HNV)) return undefined;
      headers.push({ name, value });
    }
    i = rest.length;
  }
  if (i !== rest.length) return undefined;

  const uri: SipUri = { kind: 'sip', scheme, host, params, headers };
  if (user !== undefined) uri.user = user;
  if (password !== undefined) uri.password = password;
  if (port !== undefined) uri.port = port;
  return uri;
}

/** uri-parameter = pname [ "=" pvalue ], both 1*paramchar. */
export function parseUriParam(part: string): UriParam | undefined {
  const eq = part.indexOf('=');
  const name = eq >= 0 ? part.slice(0, eq) : part;
  if (name.length === 0 || !allOfOrEscaped(name, F_PARAM)) return undefined;
  if (eq < 0) return { name };
  const value = part.slice(eq + 1);
  if (value.length === 0 || !allOfOrEscaped(value, F_PARAM)) return undefined;
  return { name, value };
}

export function serializeUriParams(params: readonly UriParam[]): string {
  let out = '';
  for (const param of params) out += param.value === undefined ? `;${param.name}` : `;${param.name}=${param.value}`;
  return out;
}

export function serializeSipUri(uri: SipUri): string {
  let out = `${uri.scheme}:`;
  if (uri.user !== undefined) out += uri.password !== undefined ? `${uri.user}:${uri.password}@` : `${uri.user}@`;
  out += uri.host;
  if (uri.port !== undefined) out += `:${uri.port}`;
  out += serializeUriParams(uri.params);
  if (uri.headers.length > 0) out += '?' + uri.headers.map((header) => `${header.name}=${header.value}`).join('&');
  return out;
}
