import { systemClock } from '../../sip';
import type { HotDesk } from '../core';
import { Provisioning } from '../provisioning';
import { provisioningDirectoryFor } from './provisioningDirectory';

/** What a device needs to register: JsSIP takes HA1 + realm, so the password itself never leaves the PBX. */
export interface SipCredentials {
  uri: string;
  authUser: string;
  ha1: string;
  realm: string;
  displayName: string;
}

/** Provisioning documents served from the device records, with each device's stored URL token. */
export function startProvisioning(
  hotDesk: HotDesk,
  options: { domain: string; publicBaseUrl: () => string },
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
  });
  return { provisioning, credentialsFor };
}
