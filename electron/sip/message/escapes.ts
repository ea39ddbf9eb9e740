import { F_HEX, F_RESERVED, F_USER, is } from './chars';
import { decodeUtf8Lenient, encodeUtf8 } from './utf8';

/**
 * Decodes every `%XX` escape (UTF-8), e.g. for showing a user part. Escaped NULs are kept (RFC 4475 §3.1.1.4):
 * the result may contain "\0". A `%` that does not start an escape is kept as is.
 */
export function unescapeUriComponent(s: string): string {
  if (!s.includes('%')) return s;
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x25 && is(s.charCodeAt(i + 1), F_HEX) && is(s.charCodeAt(i + 2), F_HEX)) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c < 0x80) {
      bytes.push(c);
    } else {
      const cp = s.codePointAt(i) ?? c;
      if (cp > 0xffff) i++;
      for (const b of encodeUtf8(String.fromCodePoint(cp))) bytes.push(b);
    }
  }
  return decodeUtf8Lenient(Uint8Array.from(bytes));
}

/**
 * The form of a URI component used for comparison (RFC 3261 §19.1.4): "characters other than those in the reserved
 * set are equivalent to their %HEX HEX encoding", so escapes of printable non-reserved characters are decoded; the
 * rest (reserved characters, `%`, controls, spaces, non-ASCII bytes) stay escaped, with upper-case hex.
 * Never decodes recursively (`%2541` stays `%2541`, RFC 4475 §3.1.1.3).
 */
export function normalizeEscapes(s: string): string {
  if (!s.includes('%')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x25 && is(s.charCodeAt(i + 1), F_HEX) && is(s.charCodeAt(i + 2), F_HEX)) {
      const hex = s.slice(i + 1, i + 3).toUpperCase();
      const decoded = parseInt(hex, 16);
      const literal = decoded > 0x20 && decoded < 0x7f && decoded !== 0x25 && !is(decoded, F_RESERVED);
      out += literal ? String.fromCharCode(decoded) : '%' + hex;
      i += 2;
    } else {
      out += s[i] ?? '';
    }
  }
  return out;
}

function escapeWith(s: string, allowed: number): string {
  let out = '';
  for (const b of encodeUtf8(s)) {
    out += is(b, allowed) ? String.fromCharCode(b) : '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** Escapes text for the user part of a SIP URI. */
export function escapeUriUser(s: string): string {
  return escapeWith(s, F_USER);
}
