import type { Mac } from '../../../../shared/domain/mac';
import type { ProvisioningDocument } from '../../../../shared/sip/provisioningDocument';
import type { DeviceSipIdentity, ProvisioningCredentials, ProvisioningDevice, ProvisioningDirectory } from '../../../../electron/pbx/provisioning/provisioningPorts';
import { DeviceKey } from '../../../../electron/host/identity/deviceKey';
import { deviceRequestHeaders } from '../../../../electron/host/provisioning/deviceRequest';

/** The device key HD0004 is enrolled to, and a key no device is enrolled to. */
export const DEVICE_KEY = DeviceKey.generate();
export const OTHER_KEY = DeviceKey.generate();

/** fetch() as the device host makes it: with the proof of `key` (the host's one signing function). */
export function signedFetch(url: string, init: RequestInit = {}, key: DeviceKey = DEVICE_KEY): Promise<Response> {
  const headers = { ...deviceRequestHeaders(key, init.method ?? 'GET', url), ...(init.headers as Record<string, string> | undefined) };
  return fetch(url, { ...init, headers });
}

export const HA1 = '0123456789abcdef0123456789abcdef';

/** A well-formed idle-device document. */
export function validDocument(): ProvisioningDocument {
  return {
    version: 1,
    etag: 'abcdefghijklmnopqrstuvwxyz012345',
    generatedAt: '2025-01-02T03:04:05.000Z',
    device: { mac: '02:00:00:00:00:04', poolName: 'HD0004' },
    identity: { kind: 'pool', name: 'HD0004' },
    account: {
      webSocketUrls: ['ws://127.0.0.1:5170/sip'],
      uri: 'sip:HD0004@hotdesk.local',
      authUser: 'HD0004',
      displayName: 'HD0004',
      credentials: { kind: 'ha1', ha1: HA1, realm: 'hotdesk.local' },
    },
    sbc: null,
    blf: [],
    options: {
      location: 'HQ, Building 1, Floor 2, Desk 16',
      timeZone: 'Europe/Berlin',
      timeFormat: '24h',
      keysPerPage: 6,
      emergencyNumbers: ['911', '112', '999'],
      language: 'en',
      ringTone: 'classic',
      autoLogout: { idleMinutes: 30, maxSessionMinutes: null, dailyAt: '18:30' },
    },
  };
}

export const HD0004: ProvisioningDevice = {
  name: 'HD0004',
  mac: '02:00:00:00:00:04' as Mac,
  options: { location: 'Desk 16', timeZone: 'UTC', timeFormat: '24h', keysPerPage: 6, emergencyNumbers: ['911', '112'] },
  sbc: null,
  publicKey: DEVICE_KEY.publicKey,
};

/** An in-memory directory: devices by name, identities settable, credentials for every user. */
export class MemoryDirectory implements ProvisioningDirectory {
  readonly devices = new Map<string, ProvisioningDevice>();
  readonly identities = new Map<string, DeviceSipIdentity>();

  constructor(devices: readonly ProvisioningDevice[] = [HD0004]) {
    for (const device of devices) this.devices.set(device.name, device);
  }

  listDevices(): ProvisioningDevice[] {
    return [...this.devices.values()];
  }

  findDeviceByName(name: string): ProvisioningDevice | null {
    return this.devices.get(name) ?? null;
  }

  identityOf(deviceName: string): DeviceSipIdentity {
    return this.identities.get(deviceName) ?? { kind: 'pool' };
  }

  credentialsFor(user: string): ProvisioningCredentials | null {
    if (user === 'nobody') return null;
    return { uri: `sip:${user}@hotdesk.local`, authUser: user, ha1: HA1, realm: 'hotdesk.local', displayName: user === '100' ? 'Alice Andrews' : user };
  }
}
