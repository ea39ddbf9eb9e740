// Transaction identification (RFC 3261 §17.1.3 client side, §17.2.3 server side).
import { BRANCH_MAGIC_COOKIE, getCallId, getCSeq, getFromTag, serializeUri, type SipRequest, type Via } from '../message';

/** The sent-by of a Via: host (lower case) and port as written. */
function sentBy(via: Via): string {
  return via.port === undefined ? via.host.toLowerCase() : `${via.host.toLowerCase()}:${via.port}`;
}

function hasMagicCookie(via: Via): boolean {
  return via.branch !== undefined && via.branch.startsWith(BRANCH_MAGIC_COOKIE);
}

/**
 * The server transaction a request belongs to (§17.2.3). `method` is the request's, except that an ACK is looked up
 * under INVITE. With an RFC 3261 branch: branch + sent-by + method. Without one (RFC 2543 peers): Request-URI, From
 * tag, Call-ID, CSeq number and top Via, which is how a retransmission, the ACK and the CANCEL of an RFC 2543
 * INVITE match it (the To tag is left out: the ACK carries the tag of our response, the INVITE had none).
 */
export function serverTransactionKey(request: SipRequest, topVia: Via, method: string): string {
  if (hasMagicCookie(topVia)) return `${topVia.branch} ${sentBy(topVia)} ${method}`;
  const parts = [
    'rfc2543',
    serializeUri(request.requestUri),
    getFromTag(request) ?? '',
    getCallId(request) ?? '',
    String(getCSeq(request)?.seq ?? ''),
    sentBy(topVia),
    topVia.branch ?? '',
    method,
  ];
  return parts.join(' ');
}

/** A client transaction: the branch of our top Via + the CSeq method (§17.1.3). */
export function clientTransactionKey(branch: string, method: string): string {
  return `${branch} ${method}`;
}
