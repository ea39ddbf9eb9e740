import { SIP_VERSION, type SipHeader, type SipRequest, type Uri } from '../message';

export interface OutOfDialogRequestFields {
  method: string;
  requestUri: Uri;
  /** The From address (`sip:provisioning@hotdesk.local`) and its tag (RFC 3261 §8.1.1.3). */
  from: { uri: string; tag: string };
  /** The To address; a request outside a dialog has no To tag (§8.1.1.2). */
  to: string;
  callId: string;
  cseq: number;
  /** Where the peer reaches us over this WebSocket flow: `<sip:user@host;transport=ws|wss>` (RFC 7118 §5.2). */
  contact: { user: string; host: string; secure: boolean };
  /** Header fields after the Contact: Event, Expires, ... */
  headers?: readonly SipHeader[];
}

/**
 * A request outside any dialog, as a UAC builds it (RFC 3261 §8.1.1): Max-Forwards 70, From with its tag, To, Call-ID,
 * CSeq, Contact, then the caller's header fields; no body. The transaction layer adds the Via.
 */
export function buildOutOfDialogRequest(fields: OutOfDialogRequestFields): SipRequest {
  const { method, from, contact } = fields;
  const headers: SipHeader[] = [
    { name: 'Max-Forwards', value: '70' },
    { name: 'From', value: `<${from.uri}>;tag=${from.tag}` },
    { name: 'To', value: `<${fields.to}>` },
    { name: 'Call-ID', value: fields.callId },
    { name: 'CSeq', value: `${fields.cseq} ${method}` },
    { name: 'Contact', value: `<sip:${contact.user}@${contact.host};transport=${contact.secure ? 'wss' : 'ws'}>` },
    ...(fields.headers ?? []),
    { name: 'Content-Length', value: '0' },
  ];
  return { kind: 'request', method, requestUri: fields.requestUri, version: SIP_VERSION, headers, body: new Uint8Array(0) };
}
