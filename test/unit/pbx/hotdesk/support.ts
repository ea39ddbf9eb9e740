import { createHash, generateKeyPairSync } from 'node:crypto';
import type { Mode } from '../../../../shared/contracts';
import { createHotDesk, type HotDesk } from '../../../../electron/pbx/core/hotdesk/hotDesk';
import type { ScryptCost } from '../../../../electron/pbx/core/hotdesk/secretHash';
import { TEST_SCRYPT_COST } from '../../../support/scryptCost';
import type { Licence } from '../../../../electron/pbx/core/licence/licencePayload';
import { signLicence } from '../../../../electron/pbx/core/licence/licenceToken';
import { memoryPbxStore, type PbxStore } from '../../../../electron/pbx/store/pbxStore';

export const REALM = 'hotdesk.test';

/** A throwaway vendor key pair: tests never use the real one. */
export function makeKeyPair(): { publicKeyPem: string; privateKeyPem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

export const TEST_KEYS = makeKeyPair();

export function testLicence(overrides: Partial<Licence> = {}): string {
  return signLicence({ edition: 'pro', licensee: 'Test Ltd', issued: '2024-01-01', ...overrides }, TEST_KEYS.privateKeyPem);
}

/** Deterministic "random" bytes (a SHA-256 counter stream), so names, tokens and ids repeat between runs. */
export function seededBytes(seed = 'hotdesk'): (size: number) => Buffer {
  let counter = 0;
  return (size) => {
    const chunks: Buffer[] = [];
    let length = 0;
    while (length < size) {
      const chunk = createHash('sha256').update(`${seed}:${counter++}`).digest();
      chunks.push(chunk);
      length += chunk.length;
    }
    return Buffer.concat(chunks).subarray(0, size);
  };
}

export class TestClock {
  constructor(public time = Date.parse('2025-03-01T09:00:00.000Z')) {}
  now = (): Date => new Date(this.time);
  advance(ms: number): void {
    this.time += ms;
  }
}

export interface TestHotDesk {
  hotDesk: HotDesk;
  store: PbxStore;
  clock: TestClock;
}

/**
 * The hot-desk domain over the in-memory store. `licence`: 'demo' builds in a PRO licence as demo mode does, 'none'
 * leaves the PBX on the free edition, or a token to use as the built-in one.
 */
export async function makeHotDesk(options: { mode?: Mode; licence?: 'demo' | 'none' | string; localDeviceKey?: string; pinCost?: ScryptCost } = {}): Promise<TestHotDesk> {
  const store = memoryPbxStore();
  const clock = new TestClock();
  const mode = options.mode ?? 'demo';
  const licence = options.licence ?? 'demo';
  const demoToken = licence === 'none' ? null : licence === 'demo' ? testLicence({ licensee: 'Demo' }) : licence;
  const hotDesk = await createHotDesk(store, {
    mode,
    realm: REALM,
    licence: { publicKeyPem: TEST_KEYS.publicKeyPem, demoToken },
    now: clock.now,
    randomBytes: seededBytes(),
    pinCost: options.pinCost ?? TEST_SCRYPT_COST,
    localDeviceKey: options.localDeviceKey ?? null,
  });
  return { hotDesk, store, clock };
}
