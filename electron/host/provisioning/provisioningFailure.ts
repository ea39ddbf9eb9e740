/**
 * What a bridge client is told about a failure: fixed texts. The details (the server's answer, an address, a file
 * system error) stay in the host — ProvisioningState.error and the log — so a page cannot use the device host to
 * probe a network through a provisioning URL.
 */
export const PROVISIONING_FAILURE = {
  noServer: 'No provisioning server: enter a provisioning URL or a SIP account in Settings',
  pnp: 'No service: plug-and-play did not get through; retrying',
  fetch: 'The provisioning document could not be fetched; retrying',
  save: 'The provisioning document could not be saved on this device',
} as const;

/** A failure in detail (for the host's log) and as its fixed summary (for the bridge). */
export interface Failure {
  error: string | null;
  errorSummary: string | null;
}

export const NO_FAILURE: Failure = { error: null, errorSummary: null };

export function failure(error: string, errorSummary: (typeof PROVISIONING_FAILURE)[keyof typeof PROVISIONING_FAILURE]): Failure {
  return { error, errorSummary };
}
