import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Mac } from '../../../shared/domain/mac';
import { writeFileAtomicSync } from '../../common';
import type { DeviceTokens, ProvisioningDirectory } from './provisioningPorts';

const SECRET_BYTES = 32;
export const PROVISIONING_SECRET_FILE = 'provisioning.key';

/**
 * The unguessable per-device path segment of a provisioning URL: HMAC-SHA-256 over the device's name and MAC with a
 * secret the PBX keeps, so nothing extra is stored per device. Deleting a device and creating another with the same
 * name and MAC gives the same URL; a new secret changes every URL at once.
 */
export class ProvisioningTokens {
  constructor(private readonly secret: Uint8Array) {
    if (secret.length < 16) throw new RangeError('The provisioning secret must have at least 16 bytes');
  }

  tokenFor(device: { name: string; mac: Mac }): string {
    return createHmac('sha256', this.secret).update(`hotdesk-provisioning-v1|${device.name}|${device.mac}`).digest('base64url');
  }

  /** The device of `token` among `devices`, compared in constant time; null when none. */
  find<D extends { name: string; mac: Mac }>(token: string, devices: Iterable<D>): D | null {
    const given = Buffer.from(token);
    for (const device of devices) {
      const expected = Buffer.from(this.tokenFor(device));
      if (expected.length === given.length && timingSafeEqual(expected, given)) return device;
    }
    return null;
  }
}

/** DeviceTokens over a directory with HMAC tokens (no per-device state). */
export function hmacDeviceTokens(secret: Uint8Array, directory: Pick<ProvisioningDirectory, 'listDevices'>): DeviceTokens {
  const tokens = new ProvisioningTokens(secret);
  return { tokenFor: (device) => tokens.tokenFor(device), deviceFor: (token) => tokens.find(token, directory.listDevices()) };
}

/** Reads the PBX's provisioning secret from `dir`, creating it (0600, written atomically) the first time. */
export function loadOrCreateProvisioningSecret(dir: string): Buffer {
  const file = path.join(dir, PROVISIONING_SECRET_FILE);
  try {
    const hex = readFileSync(file, 'utf8').trim();
    if (/^[0-9a-f]{64}$/.test(hex)) return Buffer.from(hex, 'hex');
    throw new Error(`${file} is not a provisioning secret (64 hex digits); move it aside to make a new one`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(SECRET_BYTES);
  writeFileAtomicSync(file, `${secret.toString('hex')}\n`);
  return secret;
}
