import { type DialIntent, isAllowedWhileIdle } from '../../../shared/domain/dialString';
import { UA_PROFILE_EVENT } from '../../../shared/sip/plugAndPlay';
import { type Flow, getEventHeader, type SipRequest } from '../../sip';
import type { SipAccounts } from './accounts/sipAccounts';
import { fromUser } from './callerAuth';
import type { FlowIdentities } from './registrar/flowIdentities';

/**
 * What an idle hot-desk device's pool identity (HD0001…) may send: REGISTER, the plug-and-play `ua-profile`
 * SUBSCRIBE, and calls to the emergency numbers and the hot-desk codes — within which INVITE, ACK, BYE, INFO and
 * UPDATE (JsSIP refreshes a session with UPDATE every 45 s by default: refusing it would drop an emergency call).
 * Nothing that reaches a user: no MESSAGE, SUBSCRIBE, NOTIFY (check-sync!), PUBLISH, REFER, OPTIONS.
 */
const IN_CALL_METHODS = new Set(['INVITE', 'ACK', 'BYE', 'INFO', 'UPDATE']);

/** Whether `flow` has authenticated as the request's From user and that user is a hot-desk pool identity. */
export function isPoolSender(request: SipRequest, flow: Flow, deps: { flowIdentities: FlowIdentities; accounts: SipAccounts }): boolean {
  const user = fromUser(request);
  return user !== '' && deps.flowIdentities.has(flow.id, user) && deps.accounts.find(user)?.kind === 'pool';
}

/** An out-of-dialog request of a pool identity other than REGISTER and the ua-profile SUBSCRIBE. */
export function poolMayStart(request: SipRequest, intent: DialIntent): boolean {
  return request.method === 'INVITE' && isAllowedWhileIdle(intent);
}

/** An in-dialog request of a pool identity: only within a call, and never a request that reaches users otherwise. */
export function poolMaySendInDialog(request: SipRequest): boolean {
  return IN_CALL_METHODS.has(request.method) || isUaProfileSubscribe(request);
}

function isUaProfileSubscribe(request: SipRequest): boolean {
  return request.method === 'SUBSCRIBE' && getEventHeader(request)?.package === UA_PROFILE_EVENT;
}
