import { EXTERNAL_BODY_CONTENT_TYPE, URL_CONTENT_TYPE } from '../../../shared/sip/plugAndPlay';
import { getBodyText, getContentType, getParam, mediaTypeEssence, type SipRequest } from '../../sip';

/**
 * The profile URL a ua-profile NOTIFY points at (RFC 6080 §6.5 content indirection): the body of an
 * `application/url`, or the `URL` parameter of a `message/external-body;access-type="URL"` (RFC 4483). Only http(s)
 * URLs count; null when the NOTIFY carries none (the phone is still pending).
 */
export function profileUrlFromNotify(notify: SipRequest): string | null {
  const type = getContentType(notify);
  if (!type) return null;
  const essence = mediaTypeEssence(type);
  let candidate: string | undefined;
  if (essence === URL_CONTENT_TYPE) candidate = getBodyText(notify).trim().split(/\r?\n/)[0];
  else if (essence === EXTERNAL_BODY_CONTENT_TYPE && getParam(type.params, 'access-type')?.toLowerCase() === 'url') {
    candidate = getParam(type.params, 'URL');
  }
  return candidate !== undefined && isHttpUrl(candidate) ? candidate : null;
}

/** An http(s) URL with no user name or password in it: the only kind of provisioning URL the host fetches. */
export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}
