import { z } from 'zod';
import { parseProvisioningPath, PROVISIONING_DOCUMENT_RESOURCE, PROVISIONING_PATH_PREFIX } from './plugAndPlay';

/**
 * Device-initiated hot-desk logout (the Logout key, auto-logout): `POST /provisioning/<token>/logout` beside the
 * device's document `/provisioning/<token>.json`, body `{"reason": "user" | "auto"}`. The PBX answers 200 with the
 * device's new (idle) document, or 409 with its current document when nobody was logged in or the logout is deferred
 * (`auto` within 30 minutes of an emergency call from the desk: the user stays for the operator's callback).
 */
export const LOGOUT_REASONS = ['user', 'auto'] as const;
export const logoutReasonSchema = z.enum(LOGOUT_REASONS);
export type LogoutReason = z.infer<typeof logoutReasonSchema>;

export const logoutRequestBodySchema = z.strictObject({ reason: logoutReasonSchema });
export type LogoutRequestBody = z.infer<typeof logoutRequestBodySchema>;

/** `/provisioning/<token>/logout` */
export function provisioningLogoutPath(token: string): string {
  return `${PROVISIONING_PATH_PREFIX}${token}/logout`;
}

/** Origin and path of an http(s) URL, query and fragment dropped (shared code has no URL class). */
const HTTP_URL = /^(https?:\/\/[^/?#\s]+)(\/[^?#\s]*)(?:[?#]\S*)?$/i;

/**
 * The logout URL that goes with a provisioning document URL (same origin and token), or null when the URL is not a
 * `/provisioning/<token>.json` document of this kind (a hand-entered URL of another provisioning server, say).
 */
export function logoutUrlFor(documentUrl: string): string | null {
  const match = HTTP_URL.exec(documentUrl);
  if (!match) return null;
  const path = parseProvisioningPath(match[2] as string);
  return path === null || path.resource !== PROVISIONING_DOCUMENT_RESOURCE ? null : `${match[1] as string}${provisioningLogoutPath(path.token)}`;
}
