import { systemClock } from '../../sip';
import type { DeviceProofVerifier, HotDesk, HotDeskLogins } from '../core';
import { Provisioning } from '../provisioning';
import { recordPendingPhone } from './pbxDirectory';
import { provisioningDirectoryFor } from './provisioningDirectory';

/** What a device needs to register: JsSIP takes HA1 + realm, so the password itself never leaves the PBX. */
export interface SipCredentials {
  uri: string;
  authUser: string;
  ha1: string;
  realm: string;
  displayName: string;
}

/**
 * Provisioning documents served from the device records, with each device's stored URL token, to the holder of the
 * device's enrolled key, and the device's own logout beside them; a proof of another key is listed under Phones
 * (README, "Device enrolment").
 */
export function startProvisioning(
  hotDesk: HotDesk,
  options: {
    domain: string;
    publicBaseUrl: () => string;
    proofs: DeviceProofVerifier;
    logins: Pick<HotDeskLogins, 'logout'>;
    /** Whether an emergency call from the desk is recent enough that its auto-logout waits (README, "Emergency calls"). */
    emergencyHolds(deviceName: string): boolean;
  },
): { provisioning: Provisioning; credentialsFor(user: string): SipCredentials | null } {
  const credentialsFor = (user: string): SipCredentials | null => {
    const account = hotDesk.sipAccount(user);
    if (!account) return null;
    return { uri: `sip:${user}@${options.domain}`, authUser: user, ha1: account.ha1, realm: account.realm, displayName: account.displayName };
  };
  const directory = provisioningDirectoryFor(hotDesk, credentialsFor);
  const provisioning = new Provisioning({
    directory,
    tokens: {
      tokenFor: (device) => hotDesk.devices.get(device.name)?.token ?? '',
      deviceFor: (token) => {
        const record = hotDesk.devices.findByToken(token);
        return record ? directory.findDeviceByName(record.name) : null;
      },
    },
    clock: systemClock,
    publicBaseUrl: options.publicBaseUrl,
    proofs: options.proofs,
    logout: async (name, reason) => {
      if (reason === 'auto' && options.emergencyHolds(name)) {
        await deferredAutoLogout(hotDesk, name);
        return false;
      }
      return options.logins.logout(name, reason, reason === 'auto' ? 'auto-logout timer on the device' : 'Logout key on the device');
    },
    onForeignKey: ({ device, publicKey, address, userAgent }) =>
      recordPendingPhone(hotDesk, { mac: device.mac, publicKey, address, userAgent, seenAt: new Date(systemClock.now()) }),
  });
  return { provisioning, credentialsFor };
}

/** The device's auto-logout came within 30 minutes of an emergency call from it: the user stays, for the callback. */
async function deferredAutoLogout(hotDesk: HotDesk, name: string): Promise<void> {
  const device = hotDesk.devices.get(name);
  try {
    await hotDesk.audit.append({ kind: 'hotdesk.auto-logout-deferred', actor: 'auto', device: name, mac: device?.mac ?? null, extension: device?.session?.extension ?? null, detail: 'an emergency call from the desk is less than 30 minutes old' });
  } catch (error) {
    console.error('audit: could not record hotdesk.auto-logout-deferred:', error);
  }
}
