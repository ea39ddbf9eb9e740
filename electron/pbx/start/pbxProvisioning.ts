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
  options: { domain: string; publicBaseUrl: () => string; proofs: DeviceProofVerifier; logins: Pick<HotDeskLogins, 'logout'> },
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
    logout: (name, reason) => options.logins.logout(name, reason, reason === 'auto' ? 'auto-logout timer on the device' : 'Logout key on the device'),
    onForeignKey: ({ device, publicKey, address, userAgent }) =>
      recordPendingPhone(hotDesk, { mac: device.mac, publicKey, address, userAgent, seenAt: new Date(systemClock.now()) }),
  });
  return { provisioning, credentialsFor };
}
