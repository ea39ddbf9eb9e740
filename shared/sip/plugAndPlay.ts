import { parseMac, type Mac } from '../domain/mac';

/**
 * Names both ends of provisioning agree on: the SIP event packages, the device id in PnP requests and the
 * provisioning URL path. Shared by the PBX, the device host and the renderer (which reacts to `check-sync`).
 */

/** RFC 6080 §6: the profile-delivery event package a device subscribes to. */
export const UA_PROFILE_EVENT = 'ua-profile';
/**
 * The de-facto "re-read your configuration" event phones accept in an out-of-dialog NOTIFY (Polycom, Snom, Yealink,
 * Asterisk's `sip notify` / pjsip notify templates); not an IETF package.
 */
export const CHECK_SYNC_EVENT = 'check-sync';

/** What the kiosk says about itself in `Event: ua-profile;vendor=...;model=...` (RFC 6080 §6.2). */
export const KIOSK_VENDOR = 'Hotdesk';
export const KIOSK_MODEL = 'Kiosk';

/** Content types of the NOTIFY that carries the profile's URL (RFC 6080 §6.5 content indirection). */
export const URL_CONTENT_TYPE = 'application/url';
export const EXTERNAL_BODY_CONTENT_TYPE = 'message/external-body';

export const PROVISIONING_PATH_PREFIX = '/provisioning/';
/** The unguessable path segment: base64url of at least 128 random (or HMAC) bits. */
export const PROVISIONING_TOKEN = /^[A-Za-z0-9_-]{22,64}$/;
/** What follows the token in the path of a device's provisioning document. */
export const PROVISIONING_DOCUMENT_RESOURCE = '.json';
const PROVISIONING_REQUEST_PATH = new RegExp(`^${PROVISIONING_PATH_PREFIX}(${PROVISIONING_TOKEN.source.slice(1, -1)})(\\.json|/[a-z][a-z-]{0,31})$`);

/** `/provisioning/<token>.json` */
export function provisioningPath(token: string): string {
  return `${PROVISIONING_PATH_PREFIX}${token}${PROVISIONING_DOCUMENT_RESOURCE}`;
}

/**
 * A path under `/provisioning/`: the device's token and the resource after it — `.json` for the document
 * (`/provisioning/<token>.json`), `/<name>` for a device action (`/provisioning/<token>/logout`). Null for anything
 * else, a malformed token included.
 */
export function parseProvisioningPath(pathname: string): { token: string; resource: string } | null {
  const match = PROVISIONING_REQUEST_PATH.exec(pathname);
  return match ? { token: match[1] as string, resource: match[2] as string } : null;
}

/**
 * The device id a PnP SUBSCRIBE carries as its Request-URI and From user: the MAC as 12 lower-case hex digits, the
 * form hardware phones' plug-and-play uses (e.g. `sip:0200000000aa@hotdesk.local`).
 */
export function macDeviceId(mac: Mac): string {
  return mac.replaceAll(':', '');
}

const UUID_V1 = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[0-9a-f]{4}-([0-9a-f]{12})$/i;

/**
 * The MAC of a PnP device id, or null: 12 hex digits (or any form parseMac reads), or the form of RFC 6080's examples,
 * an instance id `urn:uuid:` of a time-based (version 1) UUID whose node field is the MAC — URI-escaped
 * (`urn%3Auuid%3A...`) as it appears in a Request-URI user part.
 */
export function macFromDeviceId(user: string): Mac | null {
  const direct = parseMac(user);
  if (direct) return direct;
  const uuid = UUID_V1.exec(user.replace(/%3a/gi, ':'));
  return uuid ? parseMac(uuid[1] as string) : null;
}
