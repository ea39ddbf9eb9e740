import { trimWs } from './chars';

/**
 * Splits a header value at the commas that separate list elements (RFC 3261 §7.3.1), ignoring commas inside
 * quoted-strings and inside `<...>`. Elements are trimmed; empty ones are kept so that `a,,b` can be refused.
 */
export function splitHeaderList(value: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let inQuotes = false;
  let inAngle = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (inAngle) {
      if (c === 0x3e) inAngle = false;
    } else if (inQuotes) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inQuotes = false;
    } else if (c === 0x22) {
      inQuotes = true;
    } else if (c === 0x3c) {
      inAngle = true;
    } else if (c === 0x2c) {
      parts.push(trimWs(value.slice(start, i)));
      start = i + 1;
    }
  }
  parts.push(trimWs(value.slice(start)));
  return parts;
}
