import { F_ALPHA, F_DIGIT, F_HEX, is, isDigits, parseBoundedDigits } from './chars';

export type HostKind = 'hostname' | 'ipv4' | 'ipv6';

/**
 * Classifies a host as written in a URI or Via: a hostname (RFC 3261 §25.1 domainlabel/toplabel), an IPv4 address,
 * or an IPv6 reference in brackets. Undefined if it is none of them.
 */
export function hostKind(host: string): HostKind | undefined {
  if (host.startsWith('[')) {
    return host.endsWith(']') && parseIPv6(host.slice(1, -1)) !== undefined ? 'ipv6' : undefined;
  }
  if (isIPv4(host)) return 'ipv4';
  return isHostname(host) ? 'hostname' : undefined;
}

export function isIPv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((part) => part.length <= 3 && parseBoundedDigits(part, 255) !== undefined);
}

/** hostname = *( domainlabel "." ) toplabel [ "." ]; labels are alphanumerics with inner hyphens. */
function isHostname(s: string): boolean {
  const body = s.endsWith('.') ? s.slice(0, -1) : s;
  if (body.length === 0) return false;
  const labels = body.split('.');
  for (const label of labels) {
    if (label.length === 0) return false;
    const last = label.length - 1;
    for (let i = 0; i <= last; i++) {
      const c = label.charCodeAt(i);
      const alnum = is(c, F_ALPHA | F_DIGIT);
      if (!alnum && !(c === 0x2d && i > 0 && i < last)) return false;
    }
  }
  return is((labels[labels.length - 1] ?? '').charCodeAt(0), F_ALPHA);
}

/** Parses an IPv6 address (no brackets, no zone) into its eight 16-bit groups. */
export function parseIPv6(s: string): number[] | undefined {
  const gap = s.indexOf('::');
  if (gap >= 0 && s.indexOf('::', gap + 1) >= 0) return undefined;
  const head = groups(gap >= 0 ? s.slice(0, gap) : s, gap < 0);
  const tail = gap >= 0 ? groups(s.slice(gap + 2), true) : [];
  if (head === undefined || tail === undefined) return undefined;
  const count = head.length + tail.length;
  if (gap < 0) return count === 8 ? head : undefined;
  if (count > 7) return undefined;
  return [...head, ...new Array<number>(8 - count).fill(0), ...tail];
}

function groups(part: string, ipv4Allowed: boolean): number[] | undefined {
  if (part.length === 0) return [];
  const pieces = part.split(':');
  const out: number[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] ?? '';
    if (ipv4Allowed && i === pieces.length - 1 && piece.includes('.')) {
      if (!isIPv4(piece)) return undefined;
      const [a = 0, b = 0, c = 0, d = 0] = piece.split('.').map(Number);
      out.push(a * 256 + b, c * 256 + d);
    } else {
      if (piece.length === 0 || piece.length > 4) return undefined;
      for (let j = 0; j < piece.length; j++) if (!is(piece.charCodeAt(j), F_HEX)) return undefined;
      out.push(parseInt(piece, 16));
    }
  }
  return out;
}

/** Host comparison (RFC 3261 §19.1.4): case-insensitive, IPv6 by value, and a name never equals an address. */
export function hostsEqual(a: string, b: string): boolean {
  if (a.startsWith('[') && b.startsWith('[')) {
    const x = parseIPv6(a.slice(1, -1));
    const y = parseIPv6(b.slice(1, -1));
    if (x && y) return x.every((group, i) => group === y[i]);
  }
  return a.toLowerCase() === b.toLowerCase();
}

/** port = 1*DIGIT, bounded to 0-65535. */
export function parsePort(s: string): number | undefined {
  return isDigits(s) ? parseBoundedDigits(s, 65535) : undefined;
}
