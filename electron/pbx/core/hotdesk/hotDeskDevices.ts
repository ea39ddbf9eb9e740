import type { DeviceOptions } from '../../../../shared/contracts';
import { DEMO_HOT_DESK_DEVICES } from '../../../../shared/domain/demoSeed';
import { parseMac, type Mac } from '../../../../shared/domain/mac';
import { DEFAULT_DEVICE_OPTIONS } from '../../store/schema/deviceOptions';

export { DEFAULT_DEVICE_OPTIONS };

// The first, in-memory device list. The persistent DeviceRepository (deviceRepository.ts, built by openHotDesk in
// hotDesk.ts) replaces it: same `findByMac(mac)` and `list()`, with `create()` instead of `add()`. Kept until the
// composition root switches over.

export interface HotDeskDevice {
  readonly name: string;
  readonly mac: Mac;
  readonly options: DeviceOptions;
}

/** The PBX's hot-desking devices, keyed by MAC (the seed document's "Advanced > Hotdesking" list). */
export class HotDeskDevices {
  private readonly byMac = new Map<Mac, HotDeskDevice>();

  list(): HotDeskDevice[] {
    return [...this.byMac.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  findByMac(mac: Mac): HotDeskDevice | null {
    return this.byMac.get(mac) ?? null;
  }

  add(device: HotDeskDevice): void {
    if (this.byMac.has(device.mac)) throw new Error(`A hot-desking device with MAC ${device.mac} already exists`);
    if (this.list().some((existing) => existing.name === device.name)) throw new Error(`${device.name} already exists`);
    this.byMac.set(device.mac, device);
  }
}

export function seedDemoDevices(devices: HotDeskDevices): void {
  for (const seed of DEMO_HOT_DESK_DEVICES) {
    const mac = parseMac(seed.mac);
    if (!mac) throw new Error(`Demo seed has a bad MAC ${seed.mac}`);
    devices.add({ name: seed.name, mac, options: { ...DEFAULT_DEVICE_OPTIONS, location: seed.location } });
  }
}
