import { type Flow, getFrom, getHeader, type ServerTransaction, type SipRequest } from '../../sip';
import type { AuthThrottle } from './auth/authThrottle';
import type { DigestAuth } from './auth/digestAuth';
import type { FlowIdentities } from './registrar/flowIdentities';

/**
 * Who sent an out-of-dialog request: the From user when that user has authenticated on this flow, or proven with
 * Proxy-Authorization (RFC 3261 §22.3); otherwise the request is answered 407/403 here and null returned.
 */
export function authenticateCaller(
  tx: ServerTransaction,
  request: SipRequest,
  flow: Flow,
  deps: { auth: DigestAuth; throttle: AuthThrottle; flowIdentities: FlowIdentities },
): string | null {
  const from = getFrom(request);
  const user = from?.uri.kind === 'sip' ? (from.uri.user ?? '') : '';
  if (user && deps.flowIdentities.has(flow.id, user)) return user;
  if (deps.throttle.isBlocked(flow.remoteAddress)) {
    tx.respond(403, 'Too many failed authentication attempts, try again later');
    return null;
  }
  const verdict = deps.auth.verify(request.method, getHeader(request, 'Proxy-Authorization'));
  if (verdict.kind === 'ok' && verdict.user === user) {
    deps.flowIdentities.add(flow.id, user);
    return user;
  }
  if (verdict.kind === 'ok') {
    tx.respond(403, 'From does not match the authenticated user');
    return null;
  }
  if (verdict.kind === 'failed') deps.throttle.recordFailure(flow.remoteAddress);
  const stale = verdict.kind === 'challenge' && verdict.stale;
  tx.respond(407, undefined, { headers: [{ name: 'Proxy-Authenticate', value: deps.auth.challenge(stale) }] });
  return null;
}
