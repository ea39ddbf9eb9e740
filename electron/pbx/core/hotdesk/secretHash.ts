import { randomBytes as cryptoRandomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { SecretHash } from '../../store';

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** ~50–100 ms and 32 MiB per hash on the build machines: slow for a guesser, fine for a login. */
export const DEFAULT_SCRYPT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };
/** Refuse to verify against absurd parameters (a tampered file must not make every login burn a gigabyte). */
const MAX_N = 2 ** 20;
const KEY_LENGTH = 32;

function derive(secret: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const options: ScryptOptions = { N: cost.N, r: cost.r, p: cost.p, maxmem: 256 * cost.N * cost.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(secret.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** Salted scrypt hash of a PIN or password; the parameters travel with the hash so they can be raised later. */
export async function hashSecret(
  secret: string,
  cost: ScryptCost = DEFAULT_SCRYPT_COST,
  randomBytes: (size: number) => Buffer = cryptoRandomBytes,
): Promise<SecretHash> {
  const salt = randomBytes(16);
  const key = await derive(secret, salt, cost);
  return { algorithm: 'scrypt', ...cost, salt: salt.toString('base64url'), hash: key.toString('base64url') };
}

/** Constant-time check of `secret` against a stored hash. */
export async function verifySecret(secret: string, stored: SecretHash): Promise<boolean> {
  if (stored.N > MAX_N || stored.r > 32 || stored.p > 16) return false;
  const expected = Buffer.from(stored.hash, 'base64url');
  const key = await derive(secret, Buffer.from(stored.salt, 'base64url'), stored);
  return key.length === expected.length && timingSafeEqual(key, expected);
}
