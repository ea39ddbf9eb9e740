import type { DeviceOptions, DeviceView, Settings } from '../../../shared/contracts';
import type { Mac } from '../../../shared/domain/mac';

/** What the device host needs from the PBX (embedded) or, later, from a provisioning document. */
export interface DeviceDirectory {
  findByMac(mac: Mac): { name: string; options: DeviceOptions } | null;
  defaultOptions(): DeviceOptions;
}

export function describeDevice(mac: Mac, settings: Settings, directory: DeviceDirectory): DeviceView {
  const account = settings.sipAccount;
  if (account) {
    return { mac, identity: { kind: 'account', uri: account.uri, name: account.displayName }, options: directory.defaultOptions() };
  }
  const device = directory.findByMac(mac);
  if (!device) return { mac, identity: null, options: directory.defaultOptions() };
  return { mac, identity: { kind: 'pool', name: device.name }, options: device.options };
}
