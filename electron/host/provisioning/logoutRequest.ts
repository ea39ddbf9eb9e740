import type { LogoutReason } from '../../../shared/sip/provisioningLogout';
import type { ProvisioningDocument } from '../../../shared/sip/provisioningDocument';
import { readProvisioningDocument, sendProvisioningRequest, unexpectedStatus, type FetchOptions } from './fetchDocument';

/** `logged-out`: the PBX ended the session; `not-logged-in`: nobody was (409). Either way, the device's document now. */
export type LogoutAnswer = { kind: 'logged-out' | 'not-logged-in'; document: ProvisioningDocument };

/** The provisioning server has no logout (405, 501): the phone has to dial the logout code instead. */
export class LogoutUnsupportedError extends Error {
  override readonly name = 'LogoutUnsupportedError';
}

/**
 * `POST <logoutUrl>` with `{"reason": ...}` through the same request helper as the document GET (so it proves the
 * device key too). 200 → logged out, 409 → nobody was logged in; both carry the device's document, validated.
 * Anything else throws (401/403/404/410: DocumentGoneError; no answer: ProvisioningUnreachableError).
 */
export async function postProvisioningLogout(logoutUrl: string, reason: LogoutReason, options: FetchOptions): Promise<LogoutAnswer> {
  const response = await sendProvisioningRequest(logoutUrl, { method: 'POST', json: { reason } }, options);
  if (response.status === 405 || response.status === 501) {
    await response.body?.cancel().catch(() => undefined);
    throw new LogoutUnsupportedError(`The provisioning server does not support logout (it answered ${response.status})`);
  }
  if (response.status !== 200 && response.status !== 409) throw await unexpectedStatus(response, ' to the logout');
  const document = await readProvisioningDocument(response, options);
  return { kind: response.status === 200 ? 'logged-out' : 'not-logged-in', document };
}
