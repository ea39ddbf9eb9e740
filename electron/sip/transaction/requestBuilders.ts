// Requests the transaction layer makes itself from a request it sent: the ACK for a non-2xx final response and the
// CANCEL of an INVITE.
import {
  getCSeq,
  getHeader,
  getHeaderLines,
  SIP_VERSION,
  type HeaderBag,
  type SipHeader,
  type SipRequest,
  type SipResponse,
} from '../message';

/** The header lines that ACK and CANCEL copy from the request: its top Via, its Route lines, its CSeq number. */
function copiedHeaders(request: SipRequest, method: string): { via: SipHeader; routes: SipHeader[]; cseq: SipHeader } {
  const topVia = getHeader(request, 'Via');
  const cseq = getCSeq(request);
  if (topVia === undefined || cseq === undefined) throw new TypeError('The request has no Via or no valid CSeq');
  return {
    via: { name: 'Via', value: topVia },
    routes: getHeaderLines(request, 'Route').map((value) => ({ name: 'Route', value })),
    cseq: { name: 'CSeq', value: `${cseq.seq} ${method}` },
  };
}

function requestWith(request: SipRequest, method: string, headers: SipHeader[]): SipRequest {
  const body = new Uint8Array(0);
  return { kind: 'request', method, requestUri: request.requestUri, version: SIP_VERSION, headers, body };
}

function single(message: HeaderBag, name: string): SipHeader[] {
  return getHeaderLines(message, name).slice(0, 1).map((value) => ({ name, value }));
}

/**
 * The ACK for a 300-699 response to an INVITE (RFC 3261 §17.1.1.3): the INVITE's Request-URI, Call-ID, From, CSeq
 * number and Route header fields, a single Via equal to the INVITE's top Via, the To of the response (with its tag)
 * and CSeq method ACK.
 */
export function buildNonSuccessAck(invite: SipRequest, response: SipResponse): SipRequest {
  const { via, routes, cseq } = copiedHeaders(invite, 'ACK');
  return requestWith(invite, 'ACK', [
    via,
    ...routes,
    { name: 'Max-Forwards', value: '70' },
    ...single(invite, 'From'),
    ...single(response, 'To'),
    ...single(invite, 'Call-ID'),
    cseq,
    { name: 'Content-Length', value: '0' },
  ]);
}

/**
 * The CANCEL of a request (RFC 3261 §9.1): the same Request-URI, Call-ID, To, From, CSeq number and Route header
 * fields, a single Via equal to the request's top Via (so the same branch), CSeq method CANCEL; `reason` becomes a
 * Reason header (RFC 3326).
 */
export function buildCancel(request: SipRequest, reason?: string): SipRequest {
  const { via, routes, cseq } = copiedHeaders(request, 'CANCEL');
  return requestWith(request, 'CANCEL', [
    via,
    ...routes,
    { name: 'Max-Forwards', value: '70' },
    ...single(request, 'From'),
    ...single(request, 'To'),
    ...single(request, 'Call-ID'),
    cseq,
    ...(reason !== undefined && reason !== '' ? [{ name: 'Reason', value: reason }] : []),
    { name: 'Content-Length', value: '0' },
  ]);
}
