import { getUriParam, type SipUri } from '../../../sip';

/** The parts of a contact URI that make two registrations the same binding (RFC 3261 §10.3 step 7, §19.1.4). */
export function contactKey(uri: SipUri): string {
  const transport = (getUriParam(uri, 'transport') ?? '').toLowerCase();
  const port = uri.port ?? (uri.scheme === 'sips' ? 5061 : 5060);
  return `${uri.scheme}:${uri.user ?? ''}@${uri.host.toLowerCase()}:${port};${transport}`;
}

/** The key that finds the flow a contact is reachable on: user and host, which JsSIP makes unique per user agent. */
export function contactHostKey(uri: SipUri): string {
  return `${uri.user ?? ''}@${uri.host.toLowerCase()}`;
}
