import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { deviceProofPayload, type DeviceProof, type ProofSubject } from '../../../shared/sip/deviceProof';
import { deviceKeyFingerprint } from '../../pbx';

/**
 * The device host's Ed25519 key pair (README, "Device enrolment"). The private half stays in this object: it signs
 * proofs, and only the key file (deviceKeyFile.ts) ever exports it. Serialised, a DeviceKey is its public half.
 */
export class DeviceKey {
  readonly #privateKey: KeyObject;
  /** The raw 32-byte public key, base64url: what plug-and-play and every proof carry. */
  readonly publicKey: string;
  /** SHA-256 of the raw public key, base64url: what the admin compares before Assign. */
  readonly fingerprint: string;

  private constructor(privateKey: KeyObject) {
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`not an Ed25519 key (${privateKey.asymmetricKeyType ?? 'unknown type'})`);
    this.#privateKey = privateKey;
    this.publicKey = String(createPublicKey(privateKey).export({ format: 'jwk' }).x);
    this.fingerprint = deviceKeyFingerprint(this.publicKey);
  }

  static generate(): DeviceKey {
    return new DeviceKey(generateKeyPairSync('ed25519').privateKey);
  }

  /** From a PKCS#8 PEM; throws when the text is not an Ed25519 private key. */
  static fromPem(pem: string): DeviceKey {
    return new DeviceKey(createPrivateKey({ key: pem, format: 'pem' }));
  }

  /** PKCS#8 PEM of the private key, for the key file (mode 0600) and nothing else. */
  privateKeyPem(): string {
    return this.#privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  }

  /** A fresh proof (new nonce, the current time) that this host holds the key, for one request. */
  prove(subject: ProofSubject, nowMs: number = Date.now()): DeviceProof {
    const ts = Math.floor(nowMs / 1000);
    const nonce = randomBytes(16).toString('base64url');
    const sig = sign(null, Buffer.from(deviceProofPayload(subject, ts, nonce), 'utf8'), this.#privateKey).toString('base64url');
    return { key: this.publicKey, ts, nonce, sig };
  }

  toJSON(): { publicKey: string; fingerprint: string } {
    return { publicKey: this.publicKey, fingerprint: this.fingerprint };
  }
}
