import { DEMO_ALICE_BLF, DEMO_EXTENSIONS, DEMO_HOT_DESK_DEVICES } from '../../../../shared/domain/demoSeed';
import { AFTER_START_DELAY_MS } from '../../../common';

export { DEMO_ALICE_BLF };
import type { DeviceRepository } from './deviceRepository';
import type { ExtensionRepository } from './extensionRepository';

export interface DemoSeedOptions {
  /** `demo`: the public `sip-<ext>` passwords (demo mode, loopback only); `random`: generated ones (site mode). */
  sipPasswords: 'demo' | 'random';
}

/**
 * The demo company directory: extensions 100–105 and Alice's BLF positions. Their PINs are hashed afterwards, in the
 * background (fillDemoPinsLater): scrypt work that would hold up the first start.
 */
export async function seedDemoExtensions(extensions: ExtensionRepository, options: DemoSeedOptions): Promise<void> {
  await Promise.all(
    DEMO_EXTENSIONS.filter((demo) => extensions.get(demo.extension) === null).map((demo) =>
      extensions.create({
        extension: demo.extension,
        name: demo.name,
        hotDesking: demo.hotDesking,
        blf: demo.extension === '100' ? DEMO_ALICE_BLF : [],
        ...(options.sipPasswords === 'demo' ? { sipPassword: `sip-${demo.extension}` } : {}),
      }),
    ),
  );
}

/**
 * Hashes the demo PINs into the demo extensions still waiting for them, a while after the start or at the first
 * login, whichever comes first (the scrypt work would otherwise compete with the start for the CPU).
 */
export function fillDemoPinsLater(extensions: ExtensionRepository): void {
  extensions.fillSeedPinsLater(
    DEMO_EXTENSIONS.map((demo) => ({ extension: demo.extension, pin: demo.pin })),
    AFTER_START_DELAY_MS,
  );
}

/** HD0001–HD0003 with their demo MACs and desk locations. */
export async function seedDemoPoolDevices(devices: DeviceRepository): Promise<void> {
  await devices.seed(DEMO_HOT_DESK_DEVICES.map((demo) => ({ name: demo.name, mac: demo.mac, options: { dispatchableLocation: demo.location } })));
}

/**
 * Enrols the demo devices HD0001–HD0003 to the key of the device host that runs this PBX (README, "Device enrolment"),
 * so the demo needs no Assign step: every `?mac=` page of that host signs with the same key. A device the host's key
 * replaces (a new data dir) is re-enrolled, which gives it a new token and new pool credentials.
 */
export async function enrolDemoPoolDevices(devices: DeviceRepository, publicKey: string): Promise<void> {
  for (const demo of DEMO_HOT_DESK_DEVICES) {
    const record = devices.get(demo.name);
    if (record && record.mac === demo.mac) await devices.enrol(demo.name, publicKey);
  }
}
