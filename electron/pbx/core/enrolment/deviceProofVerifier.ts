import { verify } from 'node:crypto';
import { DEVICE_PROOF_WINDOW_SECONDS, deviceProofPayload, type DeviceProof, type ProofSubject } from '../../../../shared/sip/deviceProof';
import { devicePublicKeyObject } from './deviceKeys';
import { NonceMemory } from './nonceMemory';

export type ProofCheck =
  /** No proof was sent (or it was malformed). */
  | { kind: 'none' }
  /** A proof that does not hold: bad signature, outside the time window, a nonce seen before, or no room to remember it. */
  | { kind: 'invalid'; reason: 'signature' | 'stale' | 'replayed' | 'busy' }
  /** The sender holds the private half of `publicKey`. */
  | { kind: 'valid'; publicKey: string };

export interface DeviceProofVerifierOptions {
  /** Milliseconds since the epoch. */
  now(): number;
  windowSeconds?: number;
  maxNonces?: number;
}

/**
 * Checks device proofs (shared/sip/deviceProof.ts): the Ed25519 signature over the request's subject, a timestamp
 * within the window of now, and a nonce never accepted before for that key. One verifier serves SIP and HTTP, so a
 * nonce spent on one cannot be spent on the other.
 */
export class DeviceProofVerifier {
  private readonly windowSeconds: number;
  private readonly nonces: NonceMemory;

  constructor(private readonly options: DeviceProofVerifierOptions) {
    this.windowSeconds = options.windowSeconds ?? DEVICE_PROOF_WINDOW_SECONDS;
    // A proof stamped at the window's far edge stays acceptable for two windows after it arrives.
    this.nonces = new NonceMemory(2 * this.windowSeconds * 1000, options.maxNonces);
  }

  /** Signature and time only, spending nothing: what a caller checks before it knows whether it will accept the key. */
  authentic(proof: DeviceProof | null, subject: ProofSubject): ProofCheck {
    if (proof === null) return { kind: 'none' };
    const key = devicePublicKeyObject(proof.key);
    const payload = Buffer.from(deviceProofPayload(subject, proof.ts, proof.nonce), 'utf8');
    if (key === null || !verify(null, payload, key, Buffer.from(proof.sig, 'base64url'))) return { kind: 'invalid', reason: 'signature' };
    if (Math.abs(this.options.now() / 1000 - proof.ts) > this.windowSeconds) return { kind: 'invalid', reason: 'stale' };
    return { kind: 'valid', publicKey: proof.key };
  }

  /** Spends an authentic proof's nonce: the proof is valid once, never again. */
  spend(proof: DeviceProof): ProofCheck {
    const outcome = this.nonces.remember(proof.key, proof.nonce, this.options.now());
    if (outcome === 'replayed') return { kind: 'invalid', reason: 'replayed' };
    if (outcome === 'full') return { kind: 'invalid', reason: 'busy' };
    return { kind: 'valid', publicKey: proof.key };
  }

  /** authentic() then spend(): for callers that act on every authentic proof. */
  check(proof: DeviceProof | null, subject: ProofSubject): ProofCheck {
    const authentic = this.authentic(proof, subject);
    return authentic.kind === 'valid' && proof ? this.spend(proof) : authentic;
  }
}
