import {
  getCallId,
  getContacts,
  getCSeq,
  getFrom,
  getFromTag,
  getHeader,
  getHeaders,
  getTo,
  getToTag,
  type NameAddr,
  type SipMessage,
  type SipRequest,
  type SipResponse,
  type Uri,
} from '../message';
import { Dialog } from './dialog';

export interface CreateDialogOptions {
  /**
   * Whether the request arrived (UAS) or was sent (UAC) over TLS — for us, a WSS flow (`flow.secure`). With a SIPS
   * Request-URI it makes the dialog secure (§12.1.1, §12.1.2). Default false.
   */
  transportSecure?: boolean;
}

function withoutTag(address: NameAddr): NameAddr {
  return { ...address, params: address.params.filter((param) => param.name.toLowerCase() !== 'tag') };
}

function contactUri(message: SipMessage, what: string): Uri {
  const contact = getContacts(message)?.contacts[0];
  if (contact === undefined) throw new TypeError(`The ${what} has no Contact to be the dialog's remote target`);
  return contact.uri;
}

function requestParts(request: SipRequest): { callId: string; seq: number; from: NameAddr; to: NameAddr } {
  const callId = getCallId(request);
  const cseq = getCSeq(request);
  const from = getFrom(request);
  const to = getTo(request);
  if (callId === undefined || cseq === undefined || from === undefined || to === undefined) {
    throw new TypeError('The request lacks a valid Call-ID, CSeq, From or To');
  }
  return { callId, seq: cseq.seq, from, to };
}

function checkStatus(response: SipResponse): void {
  if (response.status <= 100 || response.status >= 300) {
    throw new TypeError(`A ${response.status} response does not create a dialog (§12.1)`);
  }
}

function isSecure(request: SipRequest, options: CreateDialogOptions): boolean {
  return request.requestUri.scheme.toLowerCase() === 'sips' && (options.transportSecure ?? false);
}

/**
 * The UAS side of a dialog (RFC 3261 §12.1.1) from the request and our 101-299 response to it, which carries our To
 * tag and Contact: route set = the request's Record-Route values in order, remote target = the request's Contact,
 * remote sequence number = its CSeq, local sequence number empty. Throws TypeError if the response has no To tag or
 * the request no Contact.
 */
export function createUasDialog(request: SipRequest, response: SipResponse, options: CreateDialogOptions = {}): Dialog {
  checkStatus(response);
  const { callId, seq, from, to } = requestParts(request);
  const localTag = getToTag(response);
  if (localTag === undefined || localTag === '') throw new TypeError('The response has no To tag (§12.1.1)');
  const localContact = getHeader(response, 'Contact');
  return new Dialog({
    id: { callId, localTag, remoteTag: getFromTag(request) ?? '' },
    local: withoutTag(to),
    remote: withoutTag(from),
    remoteTarget: contactUri(request, 'request'),
    ...(localContact !== undefined ? { localContact } : {}),
    routeSet: getHeaders(request, 'Record-Route'),
    localSeq: 0,
    remoteSeq: seq,
    secure: isSecure(request, options),
  });
}

/**
 * The UAC side of a dialog (RFC 3261 §12.1.2) from the request we sent and a 101-299 response with a To tag: route
 * set = the response's Record-Route values in reverse order, remote target = the response's Contact, local sequence
 * number = the request's CSeq, remote sequence number empty. Throws TypeError if the request has no From tag or the
 * response no Contact.
 */
export function createUacDialog(request: SipRequest, response: SipResponse, options: CreateDialogOptions = {}): Dialog {
  checkStatus(response);
  const { callId, seq, from, to } = requestParts(request);
  const localTag = getFromTag(request);
  if (localTag === undefined || localTag === '') throw new TypeError('The request has no From tag (§8.1.1.3)');
  const localContact = getHeader(request, 'Contact');
  return new Dialog({
    id: { callId, localTag, remoteTag: getToTag(response) ?? '' },
    local: withoutTag(from),
    remote: withoutTag(to),
    remoteTarget: contactUri(response, 'response'),
    ...(localContact !== undefined ? { localContact } : {}),
    routeSet: getHeaders(response, 'Record-Route').reverse(),
    localSeq: seq,
    remoteSeq: 0,
    secure: isSecure(request, options),
  });
}
