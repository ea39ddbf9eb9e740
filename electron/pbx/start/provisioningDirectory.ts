import type { HotDesk } from '../core';
import type { DeviceRecord } from '../store';
import type { ProvisioningCredentials, ProvisioningDevice, ProvisioningDirectory } from '../provisioning';

/** Provisioning's view of the PBX's device records (the adapter between the two parts of the PBX). */
export function provisioningDirectoryFor(
  hotDesk: HotDesk,
  credentialsFor: (user: string) => ProvisioningCredentials | null,
): ProvisioningDirectory {
  const toDevice = (record: DeviceRecord): ProvisioningDevice => ({
    name: record.name,
    mac: record.mac,
    options: record.options,
    sbc: record.sbc,
    publicKey: record.key?.publicKey ?? null,
  });
  return {
    listDevices: () => hotDesk.devices.list().map(toDevice),
    findDeviceByName: (name) => {
      const record = hotDesk.devices.get(name);
      return record ? toDevice(record) : null;
    },
    // Hot-desk login arrives with the next issue: until then every device is its idle pool identity.
    identityOf: () => ({ kind: 'pool' }),
    credentialsFor,
  };
}
