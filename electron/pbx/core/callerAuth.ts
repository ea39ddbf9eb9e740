import { type Flow, getFrom, getHeader, type ServerTransaction, type SipRequest } from '../../sip';
import type { AuthThrottle } from './auth/authThrottle';
import { checkCredentials, refuseCredentials } from './auth/checkCredentials';
import type { DigestAuth } from './auth/digestAuth';
import type { FlowIdentities } from './registrar/flowIdentities';

export interface CallerAuthDeps {
  auth: DigestAuth;
  throttle: AuthThrottle;
  flowIdentities: FlowIdentities;
}

/** The user part of a request's From URI ('' when it has none). */
export function fromUser(request: SipRequest): string {
  const from = getFrom(request);
  return from?.uri.kind === 'sip' ? (from.uri.user ?? '') : '';
}

/** Whether `flow` has authenticated as the From user of `request` (by REGISTER or Proxy-Authorization). */
export function isAuthenticatedSender(request: SipRequest, flow: Flow, flowIdentities: FlowIdentities): boolean {
  const user = fromUser(request);
  return user !== '' && flowIdentities.has(flow.id, user);
}

/**
 * Who sent a request: the From user when that user has authenticated on this flow, or proven with
 * Proxy-Authorization (RFC 3261 §22.3); otherwise the request is answered 407/403/400 here and null returned.
 */
export function authenticateCaller(tx: ServerTransaction, request: SipRequest, flow: Flow, deps: CallerAuthDeps): string | null {
  const user = fromUser(request);
  if (isAuthenticatedSender(request, flow, deps.flowIdentities)) return user;
  const check = checkCredentials(deps, request, flow, getHeader(request, 'Proxy-Authorization'));
  if (check.kind === 'ok' && check.user === user) {
    deps.flowIdentities.add(flow.id, user);
    return user;
  }
  if (check.kind === 'ok') tx.respond(403, 'From does not match the authenticated user');
  else refuseCredentials(tx, check, deps.auth, 407);
  return null;
}
