import type { DeviceIdentity, DeviceOptions, DeviceSession, PhoneAccount } from '../../../shared/contracts';
import type { ProvisionedOptions, ProvisioningDocument } from '../../../shared/sip/provisioningDocument';
import type { ProvisioningStatus } from '../../../shared/sip/provisioningStatus';
import type { ProvisioningState } from './provisioningClient';

/** The SIP account the renderer's phone registers with, from a provisioning document. */
export function phoneAccountFromDocument(document: ProvisioningDocument): PhoneAccount {
  const { account } = document;
  return {
    webSocketUrl: account.webSocketUrls[0] as string,
    uri: account.uri,
    authUser: account.authUser,
    displayName: account.displayName,
    credentials: account.credentials.kind === 'ha1' ? { ...account.credentials } : { kind: 'password', password: account.credentials.password },
  };
}

/** Who the display says the device is: `HD0004` idle, or the user's extension and name. */
export function identityFromDocument(document: ProvisioningDocument): DeviceIdentity {
  const { identity } = document;
  return identity.kind === 'pool' ? { kind: 'pool', name: identity.name } : { kind: 'user', extension: identity.extension, name: identity.name };
}

/** The Options fields the bridge's device view carries (auto-logout goes separately; language and ring tone not yet). */
export function deviceOptionsFromDocument(document: ProvisioningDocument): DeviceOptions {
  return deviceOptionsOf(document.options);
}

export function deviceOptionsOf(options: ProvisionedOptions): DeviceOptions {
  const { location, timeZone, timeFormat, keysPerPage, emergencyNumbers, callWaiting } = options;
  return { location, timeZone, timeFormat, keysPerPage, emergencyNumbers: [...emergencyNumbers], ...(callWaiting === undefined ? {} : { callWaiting }) };
}

/** The logged-in user's session, with the login time when the PBX sends it; null while idle. */
export function sessionFromDocument(document: ProvisioningDocument): DeviceSession | null {
  return document.identity.kind === 'user' ? { since: document.session?.since ?? null } : null;
}

/**
 * The client's state as the renderer sees it (no document: that goes out as identity, options and account). A failure
 * goes out as its fixed summary, never in detail (PROVISIONING_FAILURE).
 */
export function provisioningStatusFromState(state: ProvisioningState): ProvisioningStatus {
  return {
    status: state.status,
    source: state.source,
    error: state.errorSummary,
    etag: state.etag,
    fetchedAt: state.fetchedAt,
    logoutPending: state.pendingLogout !== null,
  };
}
