import { getHeaders, parseMediaType, mediaTypeEssence, type HeaderBag } from '../../../sip';
import { EXTERNAL_BODY_CONTENT_TYPE, URL_CONTENT_TYPE } from '../../../../shared/sip/plugAndPlay';

export type ProfileUrlFormat = 'url' | 'external-body';

/**
 * How to point a subscriber at its profile (RFC 6080 §6.5: content indirection): `application/url` — the URL as the
 * body, what plug-and-play phones read — unless the SUBSCRIBE's Accept lists only `message/external-body` (RFC 4483).
 */
export function profileUrlFormat(subscribe: HeaderBag): ProfileUrlFormat {
  const accepted = getHeaders(subscribe, 'Accept')
    .map((value) => parseMediaType(value))
    .filter((type) => type !== undefined)
    .map(mediaTypeEssence);
  return accepted.includes(EXTERNAL_BODY_CONTENT_TYPE) && !accepted.includes(URL_CONTENT_TYPE) ? 'external-body' : 'url';
}

/** The NOTIFY body that carries the profile's URL in the chosen format. */
export function profileUrlBody(url: string, format: ProfileUrlFormat, contentId: string): { contentType: string; text: string } {
  if (format === 'url') return { contentType: URL_CONTENT_TYPE, text: url };
  // RFC 4483 §4: the URL travels in the Content-Type parameters; the body is the phantom part's header, whose
  // Content-ID is mandatory.
  return {
    contentType: `${EXTERNAL_BODY_CONTENT_TYPE};access-type="URL";URL="${url}"`,
    text: `Content-Type: application/json\r\nContent-ID: <${contentId}>\r\n\r\n`,
  };
}
