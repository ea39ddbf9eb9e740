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
    identityOf: (name) => {
      const session = hotDesk.devices.get(name)?.session ?? null;
      const user = session === null ? null : hotDesk.extensions.get(session.extension);
      // A session whose extension was deleted meanwhile is about to end: serve the idle identity, never a broken one.
      if (session === null || user === null) return { kind: 'pool' };
      return { kind: 'user', extension: user.extension, name: user.name, blf: user.blf, since: session.since };
    },
    credentialsFor,
  };
}
