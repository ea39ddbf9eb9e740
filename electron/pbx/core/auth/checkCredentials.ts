import type { Flow, ServerTransaction, SipRequest } from '../../../sip';
import type { AuthThrottle } from './authThrottle';
import type { DigestAuth, DigestVerdict } from './digestAuth';
import { parseDigestCredentials } from '../../../../shared/sip/digestHeader';

export type CredentialCheck = DigestVerdict | { kind: 'locked' };

const LOCKED_OUT_REASON = 'Too many failed authentication attempts, try again later';

/**
 * Checks a request's digest credentials (`header`: its Authorization or Proxy-Authorization) under the failure
 * throttle of its source address and the user named in them. A request without credentials is just challenged.
 */
export function checkCredentials(
  deps: { auth: DigestAuth; throttle: AuthThrottle },
  request: SipRequest,
  flow: Flow,
  header: string | undefined,
): CredentialCheck {
  if (header === undefined) return { kind: 'challenge', stale: false };
  const attempt = deps.throttle.begin(flow.remoteAddress, parseDigestCredentials(header)?.get('username') ?? '');
  if (!attempt) return { kind: 'locked' };
  const verdict = deps.auth.verify(request, header);
  if (verdict.kind === 'failed' || verdict.kind === 'uri-mismatch') attempt.failed();
  else attempt.forgiven();
  return verdict;
}

/**
 * Answers a request whose check did not pass: 403 when locked out, 400 for credentials made for another Request-URI,
 * else a fresh challenge — 401 WWW-Authenticate from the registrar, 407 Proxy-Authenticate from the proxy
 * (RFC 3261 §22.3). An unknown user and a wrong password get the same challenge, so users cannot be enumerated.
 */
export function refuseCredentials(tx: ServerTransaction, check: Exclude<CredentialCheck, { kind: 'ok' }>, auth: DigestAuth, status: 401 | 407): void {
  if (check.kind === 'locked') {
    tx.respond(403, LOCKED_OUT_REASON);
    return;
  }
  if (check.kind === 'uri-mismatch') {
    tx.respond(400, 'The digest uri is not the Request-URI');
    return;
  }
  const stale = check.kind === 'challenge' && check.stale;
  tx.respond(status, undefined, { headers: [{ name: status === 401 ? 'WWW-Authenticate' : 'Proxy-Authenticate', value: auth.challenge(stale) }] });
}
