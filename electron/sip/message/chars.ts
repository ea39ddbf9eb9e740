// Character classes of the RFC 3261 §25.1 grammar, as bit flags over US-ASCII.

export const F_ALPHA = 1 << 0;
export const F_DIGIT = 1 << 1;
export const F_HEX = 1 << 2;
/** token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~") */
export const F_TOKEN = 1 << 3;
/** unreserved = alphanum / mark */
const F_UNRESERVED = 1 << 4;
/** reserved = ";" / "/" / "?" / ":" / "@" / "&" / "=" / "+" / "$" / "," */
export const F_RESERVED = 1 << 5;
/** user = 1*( unreserved / escaped / user-unreserved ) */
export const F_USER = 1 << 6;
/** password = *( unreserved / escaped / "&" / "=" / "+" / "$" / "," ) */
export const F_PASSWORD = 1 << 7;
/** paramchar = param-unreserved / unreserved / escaped */
export const F_PARAM = 1 << 8;
/** hname / hvalue = *( hnv-unreserved / unreserved / escaped ) */
export const F_HNV = 1 << 9;
/** word, the Call-ID alphabet */
export const F_WORD = 1 << 10;
/** scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) */
export const F_SCHEME = 1 << 11;
/** uric = reserved / unreserved / escaped, plus "[" "]" for IPv6 references (RFC 2732) */
export const F_URIC = 1 << 12;

const TABLE = new Uint16Array(128);

function add(chars: string, flags: number): void {
  for (let i = 0; i < chars.length; i++) {
    const c = chars.charCodeAt(i);
    TABLE[c] = (TABLE[c] ?? 0) | flags;
  }
}

const ALPHA = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const DIGIT = '0123456789';
const ALPHANUM = ALPHA + DIGIT;
const MARK = "-_.!~*'()";
const RESERVED = ';/?:@&=+$,';

add(ALPHA, F_ALPHA);
add(DIGIT, F_DIGIT);
add(DIGIT + 'ABCDEFabcdef', F_HEX);
add(ALPHANUM + "-.!%*_+`'~", F_TOKEN);
add(ALPHANUM + MARK, F_UNRESERVED | F_USER | F_PASSWORD | F_PARAM | F_HNV | F_URIC);
add(RESERVED + '[]', F_URIC);
add(RESERVED, F_RESERVED);
add('&=+$,;?/', F_USER);
add('&=+$,', F_PASSWORD);
add('[]/:&+$', F_PARAM);
add('[]/?:+$', F_HNV);
add(ALPHANUM + "-.!%*_+`'~()<>:\\\"/[]?{}", F_WORD);
add(ALPHANUM + '+-.', F_SCHEME);

/** Whether the UTF-16 code unit `c` (or -1 for "none") is an ASCII character of the given class(es). */
export function is(c: number, flags: number): boolean {
  return c >= 0 && c < 128 && ((TABLE[c] ?? 0) & flags) !== 0;
}

export function isWs(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

/** CTL characters other than HTAB (%x00-08 / %x0A-1F / %x7F). */
export function isCtl(c: number): boolean {
  return (c >= 0 && c < 0x20 && c !== 0x09) || c === 0x7f;
}

export function isToken(s: string): boolean {
  return s.length > 0 && allOf(s, F_TOKEN);
}

export function isDigits(s: string): boolean {
  return s.length > 0 && allOf(s, F_DIGIT);
}

export function allOf(s: string, flags: number): boolean {
  for (let i = 0; i < s.length; i++) if (!is(s.charCodeAt(i), flags)) return false;
  return true;
}

/** Whether every character of `s` is in the class or part of a well-formed `"%" HEXDIG HEXDIG` escape. */
export function allOfOrEscaped(s: string, flags: number): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x25) {
      if (!is(s.charCodeAt(i + 1), F_HEX) || !is(s.charCodeAt(i + 2), F_HEX)) return false;
      i += 2;
    } else if (!is(c, flags)) {
      return false;
    }
  }
  return true;
}

/**
 * Parses a 1*DIGIT string into a number no larger than `max`; leading zeros are allowed (RFC 4475 §3.1.1.1).
 * Returns undefined for anything else, without ever building a huge number.
 */
export function parseBoundedDigits(s: string, max: number): number | undefined {
  if (!isDigits(s)) return undefined;
  let i = 0;
  while (i < s.length - 1 && s.charCodeAt(i) === 0x30) i++;
  const significant = s.slice(i);
  if (significant.length > String(max).length) return undefined;
  const value = Number(significant);
  return value <= max ? value : undefined;
}

/** Trims SP and HTAB only: String.prototype.trim would also eat U+FEFF, NBSP and other non-SIP whitespace. */
export function trimWs(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isWs(s.charCodeAt(start))) start++;
  while (end > start && isWs(s.charCodeAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}
