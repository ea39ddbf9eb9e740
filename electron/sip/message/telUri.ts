import { F_DIGIT, F_HEX, is } from './chars';
import { parseUriParam, serializeUriParams } from './sipUri';
import type { TelUri, UriParam } from './uri';

const VISUAL_SEPARATORS = '-.()';

/**
 * telephone-uri = "tel:" telephone-subscriber (RFC 3966 §3): a global number ("+" and digits) or a local number
 * (hex digits, "*", "#") with a mandatory phone-context parameter; visual separators allowed in both.
 */
export function parseTelUri(text: string): TelUri | undefined {
  if (text.slice(0, 4).toLowerCase() !== 'tel:') return undefined;
  const body = text.slice(4);
  const semi = body.indexOf(';');
  const number = semi >= 0 ? body.slice(0, semi) : body;
  const params: UriParam[] = [];
  if (semi >= 0) {
    for (const part of body.slice(semi + 1).split(';')) {
      const param = parseUriParam(part);
      if (param === undefined) return undefined;
      params.push(param);
    }
  }
  const global = number.startsWith('+');
  const digits = global ? number.slice(1) : number;
  let significant = 0;
  for (let i = 0; i < digits.length; i++) {
    const c = digits.charCodeAt(i);
    if (global ? is(c, F_DIGIT) : is(c, F_HEX) || c === 0x2a || c === 0x23) significant++;
    else if (!VISUAL_SEPARATORS.includes(digits[i] ?? '')) return undefined;
  }
  if (significant === 0) return undefined;
  if (!global && !params.some((param) => param.name.toLowerCase() === 'phone-context')) return undefined;
  return { kind: 'tel', scheme: 'tel', number, params };
}

export function serializeTelUri(uri: TelUri): string {
  return `tel:${uri.number}${serializeUriParams(uri.params)}`;
}

/** The number without visual separators, upper-cased, for comparison (RFC 3966 §4). */
export function telNumberDigits(number: string): string {
  let out = '';
  for (const ch of number) if (!VISUAL_SEPARATORS.includes(ch)) out += ch;
  return out.toUpperCase();
}
