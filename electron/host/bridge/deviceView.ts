import { BridgeError, DEFAULT_AUTO_LOGOUT, type DeviceIdentity, type DeviceOptions, type DeviceView, type Mode, type PhoneAccount } from '../../../shared/contracts';
import type { BlfPosition } from '../../../shared/domain/blfLayout';
import type { Mac } from '../../../shared/domain/mac';
import { DIRECTORY_PATH } from '../../../shared/sip/phoneDirectory';
import type { DirectoryTarget } from '../directory/directoryClient';
import type { ProvisioningState } from '../provisioning';
import {
  deviceOptionsFromDocument,
  deviceOptionsOf,
  identityFromDocument,
  phoneAccountFromDocument,
  provisioningStatusFromState,
  sessionFromDocument,
} from '../provisioning/documentView';
import type { DeviceSettings } from '../settings/storedSettings';

/** What the device host needs from the PBX: demo extensions' credentials for `?account=`, and default Options. */
export interface DeviceDirectory {
  defaultOptions(): DeviceOptions;
  /** Registration credentials of a PBX identity (an extension), for demo `?account=` pages. */
  credentialsFor(user: string): { uri: string; authUser: string; ha1: string; realm: string; displayName: string } | null;
  /** The BLF positions of an extension, for the keys of its demo `?account=` page. */
  blfOf?(user: string): readonly BlfPosition[];
}

/** Who one renderer is: its device MAC, and in demo mode possibly a plain extension (`/?account=101`). */
export interface DeviceSubject {
  mac: Mac;
  settings: DeviceSettings;
  accountOverride: string | null;
  /** The host's own device (no `?mac=`, no `?account=`): only it uses the manual SIP account in settings. */
  ownDevice: boolean;
  /** A page loaded from another machine (the web host's --allow-remote-devices). */
  remote: boolean;
  /** The mode the host was started in; a mode saved in settings since then waits for the next start. */
  runningMode: Mode;
}

function manualAccountOf(subject: DeviceSubject) {
  return subject.ownDevice ? subject.settings.sipAccount : null;
}

/** Whether the device's identity comes from provisioning (not a manual account or a demo `?account=`). */
export function isProvisioned(subject: DeviceSubject): boolean {
  return subject.accountOverride === null && manualAccountOf(subject) === null;
}

export function describeDevice(subject: DeviceSubject, directory: DeviceDirectory, provisioning: ProvisioningState | null): DeviceView {
  const { mac } = subject;
  const plain = { blf: [], provisioning: null, options: directory.defaultOptions(), session: null, autoLogout: DEFAULT_AUTO_LOGOUT };
  if (subject.accountOverride !== null) {
    const credentials = demoAccount(subject, directory);
    const blf = [...(directory.blfOf?.(subject.accountOverride) ?? [])];
    return { mac, identity: { kind: 'account', uri: credentials.uri, name: credentials.displayName }, ...plain, blf, directory: true };
  }
  const account = manualAccountOf(subject);
  if (account) return { mac, identity: { kind: 'account', uri: account.uri, name: account.displayName }, ...plain };
  const status = provisioning ? provisioningStatusFromState(provisioning) : null;
  const document = provisioning?.document ?? null;
  const pending = provisioning?.pendingLogout ?? null;
  if (!document && pending) {
    // Logged out while the PBX was unreachable, with no idle document known: the pool name, no account yet.
    const options = deviceOptionsOf(pending.options);
    return { mac, identity: provisionedIdentity(provisioning), blf: [], provisioning: status, options, session: null, autoLogout: pending.options.autoLogout };
  }
  if (!document) return { ...plain, mac, identity: null, provisioning: status };
  const identity = identityFromDocument(document);
  return {
    mac,
    identity,
    options: deviceOptionsFromDocument(document),
    blf: [...document.blf],
    provisioning: status,
    session: sessionFromDocument(document),
    autoLogout: { ...document.options.autoLogout },
    // The provisioning server's directory, searched as the logged-in user (an idle pool identity has none).
    directory: identity.kind === 'user',
  };
}

/** Who a provisioned device is: its document's identity; its pool name while a logout waits with no idle document. */
export function provisionedIdentity(provisioning: ProvisioningState | null): DeviceIdentity | null {
  if (provisioning?.document) return identityFromDocument(provisioning.document);
  return provisioning?.pendingLogout ? { kind: 'pool', name: provisioning.pendingLogout.poolName } : null;
}

/**
 * Where the device searches the directory and as whom, or null where it has none: a demo `?account=` page searches
 * its own PBX's; a provisioned user the directory beside the provisioning server; a manual account none.
 */
export function directoryTargetFor(
  subject: DeviceSubject,
  view: DeviceView,
  account: PhoneAccount | null,
  provisioning: ProvisioningState | null,
  ownDirectoryUrl: string | null,
): DirectoryTarget | null {
  if (subject.remote || !view.directory) return null;
  const url = subject.accountOverride !== null ? ownDirectoryUrl : provisioning?.url ? new URL(DIRECTORY_PATH, provisioning.url).href : null;
  if (!account || !url) return null;
  return { url, authUser: account.authUser, credentials: account.credentials };
}

/**
 * The SIP account the page's phone registers with, or null when there is nothing to register as. JsSIP runs in the
 * page, so a page gets the credentials of its own device only — and a page from another machine none at all: such a
 * device must be enrolled first (README, "Security model").
 */
export function phoneAccountFor(
  subject: DeviceSubject,
  directory: DeviceDirectory,
  provisioning: ProvisioningState | null,
  webSocketUrl: string,
): PhoneAccount | null {
  if (subject.remote) return null;
  if (subject.accountOverride !== null) {
    const credentials = demoAccount(subject, directory);
    return {
      webSocketUrl,
      uri: credentials.uri,
      authUser: credentials.authUser,
      displayName: credentials.displayName,
      credentials: { kind: 'ha1', ha1: credentials.ha1, realm: credentials.realm },
    };
  }
  const manual = manualAccountOf(subject);
  if (manual) {
    if (manual.password === null) return null;
    return {
      webSocketUrl: manual.webSocketUrl,
      uri: manual.uri,
      authUser: manual.authUser,
      displayName: manual.displayName,
      credentials: { kind: 'password', password: manual.password },
    };
  }
  return provisioning?.document ? phoneAccountFromDocument(provisioning.document) : null;
}

function demoAccount(subject: DeviceSubject, directory: DeviceDirectory) {
  const extension = subject.accountOverride ?? '';
  if (subject.runningMode !== 'demo') throw new BridgeError('forbidden', '?account= works on a host started in demo mode only');
  const credentials = /^[0-9]{1,10}$/.test(extension) ? directory.credentialsFor(extension) : null;
  if (!credentials) throw new BridgeError('not-found', `There is no extension ${extension.slice(0, 20)} on this PBX`);
  return credentials;
}
