import { AUTO_ANSWER_PARAM } from '../../../../shared/sip/directedPickup';
import { addHeader, getHeaders, removeHeader, type SipRequest } from '../../../sip';

/**
 * Removes from a phone's INVITE what only the PBX may say about a call it offers: the auto-answer `Call-Info` of a
 * picked call (else a caller could make a phone that just dialled a pickup answer it and open its microphone), and
 * `Priority: emergency`, which the emergency operator's callback carries past Do not disturb (RFC 3261 §20.26).
 */
export function dropCallerClaims(request: SipRequest): void {
  dropValues(request, 'Call-Info', new RegExp(AUTO_ANSWER_PARAM, 'i'));
  dropValues(request, 'Priority', /^\s*emergency\s*$/i);
}

function dropValues(request: SipRequest, name: string, claim: RegExp): void {
  const values = getHeaders(request, name);
  if (!values.some((value) => claim.test(value))) return;
  removeHeader(request, name);
  for (const value of values) if (!claim.test(value)) addHeader(request, name, value);
}
