import { BridgeError, type DeviceOptions, type DeviceView, type PhoneAccount, type Settings } from '../../../shared/contracts';
import type { Mac } from '../../../shared/domain/mac';

/** What the device host needs from the PBX (embedded) or, later, from a provisioning document. */
export interface DeviceDirectory {
  findByMac(mac: Mac): { name: string; options: DeviceOptions } | null;
  defaultOptions(): DeviceOptions;
  /** Registration credentials of a PBX identity (an extension or an HD pool name). */
  credentialsFor(user: string): { uri: string; authUser: string; ha1: string; realm: string; displayName: string } | null;
}

/** Who one renderer is: its device MAC, and in demo mode possibly a plain extension (`/?account=101`). */
export interface DeviceSubject {
  mac: Mac;
  settings: Settings;
  accountOverride: string | null;
}

export function describeDevice(subject: DeviceSubject, directory: DeviceDirectory): DeviceView {
  const { mac, settings } = subject;
  if (subject.accountOverride !== null) {
    const credentials = demoAccount(subject, directory);
    return { mac, identity: { kind: 'account', uri: credentials.uri, name: credentials.displayName }, options: directory.defaultOptions() };
  }
  const account = settings.sipAccount;
  if (account) {
    return { mac, identity: { kind: 'account', uri: account.uri, name: account.displayName }, options: directory.defaultOptions() };
  }
  const device = directory.findByMac(mac);
  if (!device) return { mac, identity: null, options: directory.defaultOptions() };
  return { mac, identity: { kind: 'pool', name: device.name }, options: device.options };
}

/** The SIP account the page's phone registers with, or null when there is nothing to register as. */
export function phoneAccountFor(subject: DeviceSubject, directory: DeviceDirectory, webSocketUrl: string): PhoneAccount | null {
  if (subject.accountOverride !== null) return fromPbx(demoAccount(subject, directory), webSocketUrl);
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
  const device = directory.findByMac(subject.mac);
  const credentials = device ? directory.credentialsFor(device.name) : null;
  return credentials ? fromPbx(credentials, webSocketUrl) : null;
}

function demoAccount(subject: DeviceSubject, directory: DeviceDirectory) {
  const extension = subject.accountOverride ?? '';
  if (subject.settings.mode !== 'demo') throw new BridgeError('forbidden', '?account= works in demo mode only');
  const credentials = /^[0-9]{1,10}$/.test(extension) ? directory.credentialsFor(extension) : null;
  if (!credentials) throw new BridgeError('not-found', `There is no extension ${extension.slice(0, 20)} on this PBX`);
  return credentials;
}

function fromPbx(
  credentials: NonNullable<ReturnType<DeviceDirectory['credentialsFor']>>,
  webSocketUrl: string,
): PhoneAccount {
  return {
    webSocketUrl,
    uri: credentials.uri,
    authUser: credentials.authUser,
    displayName: credentials.displayName,
    credentials: { kind: 'ha1', ha1: credentials.ha1, realm: credentials.realm },
  };
}
