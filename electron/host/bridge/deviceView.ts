import { BridgeError, type DeviceOptions, type DeviceView, type PhoneAccount, type Settings } from '../../../shared/contracts';
import type { Mac } from '../../../shared/domain/mac';
import type { ProvisioningState } from '../provisioning';
import {
  deviceOptionsFromDocument,
  identityFromDocument,
  phoneAccountFromDocument,
  provisioningStatusFromState,
} from '../provisioning/documentView';

/** What the device host needs from the PBX: demo extensions' credentials for `?account=`, and default Options. */
export interface DeviceDirectory {
  defaultOptions(): DeviceOptions;
  /** Registration credentials of a PBX identity (an extension), for demo `?account=` pages. */
  credentialsFor(user: string): { uri: string; authUser: string; ha1: string; realm: string; displayName: string } | null;
}

/** Who one renderer is: its device MAC, and in demo mode possibly a plain extension (`/?account=101`). */
export interface DeviceSubject {
  mac: Mac;
  settings: Settings;
  accountOverride: string | null;
}

/** Whether the device's identity comes from provisioning (not a manual account or a demo `?account=`). */
export function isProvisioned(subject: DeviceSubject): boolean {
  return subject.accountOverride === null && subject.settings.sipAccount === null;
}

export function describeDevice(subject: DeviceSubject, directory: DeviceDirectory, provisioning: ProvisioningState | null): DeviceView {
  const { mac, settings } = subject;
  const plain = { blf: [], provisioning: null, options: directory.defaultOptions() };
  if (subject.accountOverride !== null) {
    const credentials = demoAccount(subject, directory);
    return { mac, identity: { kind: 'account', uri: credentials.uri, name: credentials.displayName }, ...plain };
  }
  const account = settings.sipAccount;
  if (account) return { mac, identity: { kind: 'account', uri: account.uri, name: account.displayName }, ...plain };
  const status = provisioning ? provisioningStatusFromState(provisioning) : null;
  const document = provisioning?.document ?? null;
  if (!document) return { mac, identity: null, blf: [], provisioning: status, options: directory.defaultOptions() };
  return {
    mac,
    identity: identityFromDocument(document),
    options: deviceOptionsFromDocument(document),
    blf: [...document.blf],
    provisioning: status,
  };
}

/** The SIP account the page's phone registers with, or null when there is nothing to register as. */
export function phoneAccountFor(
  subject: DeviceSubject,
  directory: DeviceDirectory,
  provisioning: ProvisioningState | null,
  webSocketUrl: string,
): PhoneAccount | null {
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
  const manual = subject.settings.sipAccount;
  if (manual) {
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
  if (subject.settings.mode !== 'demo') throw new BridgeError('forbidden', '?account= works in demo mode only');
  const credentials = /^[0-9]{1,10}$/.test(extension) ? directory.credentialsFor(extension) : null;
  if (!credentials) throw new BridgeError('not-found', `There is no extension ${extension.slice(0, 20)} on this PBX`);
  return credentials;
}
