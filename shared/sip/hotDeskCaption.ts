/**
 * The hot-desk IVR's captions: for every prompt the PBX sends an in-dialog INFO (RFC 6086) with
 * `Info-Package: hotdesk-caption` and a `text/plain;charset=utf-8` body of one line, at most 200 characters, which the
 * phone shows on its display while the call lasts.
 */
export const HOTDESK_CAPTION_PACKAGE = 'hotdesk-caption';
export const HOTDESK_CAPTION_CONTENT_TYPE = 'text/plain;charset=utf-8';
export const HOTDESK_CAPTION_MAX_LENGTH = 200;

/** Whether an INFO's Info-Package and Content-Type headers make it a caption (parameters and case ignored). */
export function isHotDeskCaption(infoPackage: string | undefined, contentType: string | undefined): boolean {
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  return (infoPackage ?? '').trim().toLowerCase() === HOTDESK_CAPTION_PACKAGE && mediaType === 'text/plain';
}
