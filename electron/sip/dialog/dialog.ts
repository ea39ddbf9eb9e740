import {
  CSEQ_MAX,
  getContacts,
  getCSeq,
  headerKey,
  parseNameAddr,
  serializeNameAddr,
  SIP_VERSION,
  type NameAddr,
  type SipHeader,
  type SipMessage,
  type SipRequest,
  type Uri,
} from '../message';
import { requestTarget } from './requestTarget';

/** A dialog is identified by Call-ID, local tag and remote tag (RFC 3261 §12). The remote tag of a dialog with an
 * RFC 2543 peer that sent no From tag is ''. */
export interface DialogId {
  callId: string;
  localTag: string;
  remoteTag: string;
}

export interface DialogState {
  id: DialogId;
  /** Our From (UAC) / the request's To (UAS), without its tag. */
  local: NameAddr;
  /** The peer's address, without its tag. */
  remote: NameAddr;
  remoteTarget: Uri;
  /** Our Contact header value, sent in target refresh and other Contact-carrying requests. */
  localContact?: string;
  routeSet: string[];
  localSeq: number;
  remoteSeq: number;
  secure: boolean;
}

export interface DialogRequestOptions {
  /** Extra header fields, after the ones the dialog sets. */
  headers?: SipHeader[];
  body?: { contentType: string; text: string };
  /** ACK only: the CSeq number of the INVITE it acknowledges; by default the last one sent (localSeq). */
  cseq?: number;
}

/** Methods whose requests carry our Contact (target refresh, §12.2; subscriptions and NOTIFY, RFC 6665 §4.1-4.2). */
const CONTACT_METHODS = new Set(['INVITE', 'UPDATE', 'SUBSCRIBE', 'NOTIFY', 'REFER']);
const encoder = new TextEncoder();

/**
 * The dialog state of RFC 3261 §12. `localSeq` and `remoteSeq` are 0 while empty (a UAS has sent no request yet, a
 * UAC has received none): the first request of an empty local sequence gets CSeq 1, and any remote CSeq is accepted
 * against an empty remote sequence.
 */
export class Dialog {
  readonly id: DialogId;
  remoteTarget: Uri;
  routeSet: string[];
  localSeq: number;
  remoteSeq: number;
  secure: boolean;
  localContact: string | undefined;
  /** The From and To of our requests, written once: a dialog lives long, its parsed addresses need not. */
  private readonly fromValue: string;
  private readonly toValue: string;

  constructor(state: DialogState) {
    this.id = { callId: detached(state.id.callId), localTag: detached(state.id.localTag), remoteTag: detached(state.id.remoteTag) };
    this.fromValue = detached(withTag(state.local, this.id.localTag));
    this.toValue = detached(withTag(state.remote, this.id.remoteTag));
    this.remoteTarget = structuredClone(state.remoteTarget); // a deep copy: no string of it is a slice of the message
    this.localContact = state.localContact;
    this.routeSet = state.routeSet.map(detached);
    this.localSeq = state.localSeq;
    this.remoteSeq = state.remoteSeq;
    this.secure = state.secure;
  }

  get localUri(): Uri {
    return uriOf(this.fromValue);
  }

  get remoteUri(): Uri {
    return uriOf(this.toValue);
  }

  /**
   * An in-dialog request (BYE, INFO, NOTIFY, re-INVITE, UPDATE, ACK for a 2xx) per §12.2.1.1: Request-URI and Route
   * from the route set and remote target, From/To with the local/remote URI and tags, the Call-ID, CSeq localSeq+1
   * (the ACK reuses its INVITE's number), Max-Forwards 70 and, where the method calls for it, our Contact. No Via:
   * the transaction layer adds it. CANCEL is not built here (the transaction layer builds it, §9.1).
   */
  createRequest(method: string, options: DialogRequestOptions = {}): SipRequest {
    if (method === 'CANCEL') {
      throw new TypeError('A CANCEL is built from the request it cancels (ClientTransaction.cancel)');
    }
    let seq: number;
    if (method === 'ACK') seq = options.cseq ?? this.localSeq;
    else {
      if (this.localSeq >= CSEQ_MAX) throw new RangeError('The local CSeq cannot grow any further');
      seq = ++this.localSeq;
    }
    const { requestUri, routes } = requestTarget(this.routeSet, this.remoteTarget);
    const extra = options.headers ?? [];
    const headers: SipHeader[] = [
      ...routes.map((value) => ({ name: 'Route', value })),
      { name: 'Max-Forwards', value: '70' },
      { name: 'From', value: this.fromValue },
      { name: 'To', value: this.toValue },
      { name: 'Call-ID', value: this.id.callId },
      { name: 'CSeq', value: `${seq} ${method}` },
    ];
    const hasContact = extra.some((header) => headerKey(header.name) === 'contact');
    if (this.localContact !== undefined && CONTACT_METHODS.has(method) && !hasContact) {
      headers.push({ name: 'Contact', value: this.localContact });
    }
    headers.push(...extra);
    if (options.body !== undefined) headers.push({ name: 'Content-Type', value: options.body.contentType });
    const body = options.body === undefined ? new Uint8Array(0) : encoder.encode(options.body.text);
    headers.push({ name: 'Content-Length', value: String(body.length) });
    return { kind: 'request', method, requestUri, version: SIP_VERSION, headers, body };
  }

  /**
   * §12.2.2: a request with a CSeq lower than the remote sequence number is out of order (answer it 500) — returns
   * false; otherwise the remote sequence number becomes the request's and it returns true. ACK and CANCEL reuse
   * their INVITE's number and are always accepted, without changing the remote sequence number.
   */
  acceptRemoteCSeq(request: SipRequest): boolean {
    const cseq = getCSeq(request);
    if (cseq === undefined) return false;
    if (request.method === 'ACK' || request.method === 'CANCEL') return true;
    if (cseq.seq < this.remoteSeq) return false;
    this.remoteSeq = cseq.seq;
    return true;
  }

  /**
   * A target refresh (re-INVITE or UPDATE, or its 2xx) replaces the remote target with its Contact (§12.2.1.2,
   * §12.2.2). Returns whether it did.
   */
  refreshRemoteTarget(message: SipMessage): boolean {
    const contact = getContacts(message)?.contacts[0];
    if (contact === undefined) return false;
    this.remoteTarget = structuredClone(contact.uri);
    return true;
  }
}

/**
 * A copy of `text` that shares no memory with the message it was cut from: V8 keeps a substring's whole parent alive,
 * and a dialog (a subscription) may live for hours on a few words of a SIP message.
 */
function detached(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

function uriOf(headerValue: string): Uri {
  const address = parseNameAddr(headerValue);
  if (address === undefined) throw new TypeError(`The dialog's own address does not parse: ${headerValue}`);
  return address.uri;
}

function withTag(address: NameAddr, tag: string): string {
  const params = tag === '' ? address.params : [...address.params, { name: 'tag', value: tag }];
  return serializeNameAddr({ ...address, params });
}
