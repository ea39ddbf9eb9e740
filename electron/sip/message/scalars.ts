import { F_WORD, allOf, parseBoundedDigits } from './chars';

/** delta-seconds bound of Expires and the expires parameter (RFC 3261 §20.19). */
const DELTA_SECONDS_MAX = 2 ** 32 - 1;

/** Max-Forwards = 1*DIGIT, 0-255 (RFC 3261 §20.22); leading zeros allowed. */
export function parseMaxForwards(value: string): number | undefined {
  return parseBoundedDigits(value, 255);
}

/** Content-Length = 1*DIGIT (RFC 3261 §20.14); no sign, so "-999" is malformed (RFC 4475 §3.1.2.3). */
export function parseContentLength(value: string): number | undefined {
  return parseBoundedDigits(value, 2 ** 32 - 1);
}

/** delta-seconds = 1*DIGIT, at most 2^32-1 (RFC 3261 §20.19). */
export function parseDeltaSeconds(value: string): number | undefined {
  return parseBoundedDigits(value, DELTA_SECONDS_MAX);
}

/** callid = word [ "@" word ] (RFC 3261 §25.1). */
export function isValidCallId(value: string): boolean {
  const at = value.indexOf('@');
  if (at < 0) return value.length > 0 && allOf(value, F_WORD);
  const local = value.slice(0, at);
  const host = value.slice(at + 1);
  return local.length > 0 && host.length > 0 && allOf(local, F_WORD) && allOf(host, F_WORD);
}
