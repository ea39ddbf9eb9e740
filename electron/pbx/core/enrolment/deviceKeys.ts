import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { DEVICE_PUBLIC_KEY } from '../../../../shared/sip/deviceProof';

/** A device's fingerprint, as the admin compares it: SHA-256 of the raw 32-byte Ed25519 public key, base64url. */
export function deviceKeyFingerprint(publicKey: string): string {
  return createHash('sha256').update(Buffer.from(publicKey, 'base64url')).digest('base64url');
}

/** The Ed25519 public key of a base64url raw key (as a JWK `x`); null when it is not one. */
export function devicePublicKeyObject(publicKey: string): KeyObject | null {
  if (!DEVICE_PUBLIC_KEY.test(publicKey)) return null;
  try {
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey }, format: 'jwk' });
  } catch {
    return null;
  }
}
