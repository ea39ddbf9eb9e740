import { getBodyText, getContentType, mediaTypeEssence, type SipRequest } from '../../../sip';

const KEY = /^[0-9*#A-D]$/;

/**
 * The key an in-dialog INFO carries: `application/dtmf-relay` (`Signal=5` / `Signal=#` lines, as JsSIP and most
 * phones send), or `application/dtmf` (the key alone). Null for any other INFO or a malformed body.
 */
export function dtmfKeyOfInfo(request: SipRequest): string | null {
  const type = getContentType(request);
  if (!type) return null;
  const essence = mediaTypeEssence(type);
  const body = getBodyText(request);
  let key: string | undefined;
  if (essence === 'application/dtmf-relay') key = /^\s*signal\s*=\s*(\S+)\s*$/im.exec(body)?.[1];
  else if (essence === 'application/dtmf') key = body.trim();
  else return null;
  // Some phones send the RFC 4733 event number for * and # (10, 11).
  const normalised = key === '10' ? '*' : key === '11' ? '#' : key?.toUpperCase();
  return normalised !== undefined && KEY.test(normalised) ? normalised : null;
}
