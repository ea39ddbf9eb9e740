import JsSIP from 'jssip';

/** What a registration refused for its credentials says (with the status), distinct from "No service". */
export const REGISTRATION_REFUSED = 'Registration failed — check the SIP user and password';

/** The statuses that mean "these credentials are not accepted" once credentials were sent (RFC 3261 §22). */
const CREDENTIAL_STATUSES = new Set([401, 403, 407]);

/**
 * Plain words for the final responses a call can fail with (RFC 3261 §21), in one table: the display says these,
 * not "Proxy Authentication Required".
 */
export const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'The phone system could not understand the call',
  401: 'The phone system did not accept this phone’s SIP user and password',
  402: 'This call needs a paid service',
  403: 'The phone system does not allow this call',
  404: 'Number not found',
  405: 'The phone system does not take calls this way',
  407: 'The phone system did not accept this phone’s SIP user and password',
  408: 'No answer from the phone system in time',
  410: 'This number is no longer in use',
  413: 'The call was too big for the phone system',
  415: 'The other phone cannot take this kind of call',
  420: 'The other phone lacks a feature this call needs',
  423: 'The phone system wants a different registration interval',
  480: 'Not available right now',
  481: 'The call no longer exists',
  482: 'The call went round in a loop',
  483: 'Too many hops to reach the number',
  484: 'Number incomplete',
  485: 'The number is ambiguous',
  486: 'Busy',
  487: 'Call cancelled',
  488: 'The other phone cannot agree on audio with this one',
  491: 'Both phones changed the call at once — try again',
  500: 'The phone system had a problem — try again',
  501: 'The phone system cannot do that',
  502: 'The phone system could not reach the other side',
  503: 'The phone system is unavailable — try again later',
  504: 'The phone system could not reach the other side in time',
  513: 'The call was too big for the phone system',
  600: 'Busy everywhere',
  603: 'Call declined',
  604: 'That number does not exist anywhere',
  606: 'The other phone cannot take this call',
};

/** RFC 3261's own phrase for a status ("Busy Here"), as JsSIP knows it. */
function standardPhrase(status: number): string | undefined {
  return (JsSIP.C.REASON_PHRASE as Record<number, string | undefined>)[status];
}

/**
 * Why a call failed with this response, in plain words. A reason phrase of the far end's own ("Do Not Disturb", the
 * PBX's "idle phones may call only emergency numbers") is written for people and shown as it is; a standard phrase is
 * replaced by the table's words; a status the table lacks says its class and code.
 */
export function describeStatus(status: number, reasonPhrase: string): string {
  const phrase = reasonPhrase.trim();
  if (phrase && phrase.toLowerCase() !== standardPhrase(status)?.toLowerCase()) return phrase;
  const text = STATUS_TEXT[status];
  if (text && (status === 401 || status === 407)) return `${text} (${status})`;
  if (text) return text;
  if (status >= 600) return `Call refused everywhere (${status})`;
  if (status >= 500) return `The phone system failed (${status})`;
  if (status >= 400) return `Call failed (${status})`;
  return `Call redirected (${status}) — this phone does not follow redirects`;
}

/**
 * A REGISTER's failure: refused credentials (401/407 after they were sent — JsSIP answers the first challenge itself —
 * or 403) read "Registration failed — check the SIP user and password (403 Forbidden)"; null for anything else,
 * which is "No service".
 */
export function registrationRefusal(response: { statusCode: number; reasonPhrase: string } | null): string | null {
  if (!response || !CREDENTIAL_STATUSES.has(response.statusCode)) return null;
  const phrase = response.reasonPhrase.trim() || standardPhrase(response.statusCode) || '';
  return `${REGISTRATION_REFUSED} (${`${response.statusCode} ${phrase}`.trim()})`;
}
