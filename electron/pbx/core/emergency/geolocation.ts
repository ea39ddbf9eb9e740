import { buildMultipart, findBodyPart, findBodyPartById, getBodyText, getHeaders, setBody, setHeader, splitHeaderList, type SipRequest } from '../../../sip';
import { type ParsedPidfLo, parsePidfLo, PIDF_CONTENT_TYPE } from './pidfLo';

// Location conveyance by value (RFC 6442): a Geolocation header naming a PIDF-LO body part by Content-ID.

/** The `cid:` references of the request's Geolocation header values (RFC 6442 §4.1), without `cid:`. */
export function geolocationContentIds(request: SipRequest): string[] {
  return getHeaders(request, 'Geolocation')
    .flatMap((value) => splitHeaderList(value))
    .map((value) => /^<cid:([^>]+)>/i.exec(value)?.[1])
    .filter((id): id is string => id !== undefined)
    .map((id) => decodeURIComponent(id));
}

/** Whether the request already conveys a location (by value or by reference): then it keeps its own. */
export function conveysLocation(request: SipRequest): boolean {
  return getHeaders(request, 'Geolocation').length > 0;
}

/** The location the request carries by value, or null when it carries none (or only a reference elsewhere). */
export function carriedLocation(request: SipRequest): ParsedPidfLo | null {
  for (const id of geolocationContentIds(request)) {
    const part = findBodyPartById(request, id);
    if (part) return parsePidfLo(getBodyText(part));
  }
  return null;
}

/**
 * Adds a PIDF-LO to an INVITE: the body becomes `multipart/mixed` with the SDP offer first and the location after
 * it, referenced by `Geolocation: <cid:…>`; `Geolocation-Routing: no` (RFC 6442 §4.2) because the location is for
 * the answering point, not for routing.
 */
export function attachLocation(request: SipRequest, pidf: string, contentId: string): void {
  const sdp = findBodyPart(request, 'application/sdp');
  const parts = [
    ...(sdp ? [{ headers: [{ name: 'Content-Type', value: 'application/sdp' }], body: sdp.body }] : []),
    { headers: [{ name: 'Content-Type', value: PIDF_CONTENT_TYPE }, { name: 'Content-ID', value: `<${contentId}>` }], body: Buffer.from(pidf) },
  ];
  const multipart = buildMultipart(parts, `hotdesk-${contentId.split('@')[0]}`);
  setBody(request, multipart.body, multipart.contentType);
  setHeader(request, 'Geolocation', `<cid:${contentId}>`);
  setHeader(request, 'Geolocation-Routing', 'no');
}
