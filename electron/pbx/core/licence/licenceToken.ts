import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { expiryInstant, licencePayloadSchema, type Licence } from './licencePayload';

/**
 * A licence token is `base64url(JSON payload) "." base64url(Ed25519 signature)`, the signature made over the ASCII
 * of the first part (as in JWS), so verifying needs no canonical JSON.
 */
const MAX_TOKEN_LENGTH = 4096;

export type LicenceProblem = 'malformed' | 'bad-signature' | 'expired';

export type LicenceVerdict = { ok: true; licence: Licence } | { ok: false; problem: LicenceProblem; reason: string; licence?: Licence };

export function signLicence(licence: Licence, privateKeyPem: string): string {
  const payload = Buffer.from(JSON.stringify(licencePayloadSchema.parse(licence)), 'utf8').toString('base64url');
  const signature = sign(null, Buffer.from(payload, 'ascii'), createPrivateKey(privateKeyPem));
  return `${payload}.${signature.toString('base64url')}`;
}

/** Checks a token's signature with the vendor's public key, then its payload, then its expiry at `now`. */
export function verifyLicence(token: string, publicKeyPem: string, now: Date): LicenceVerdict {
  const trimmed = token.trim();
  if (trimmed.length > MAX_TOKEN_LENGTH) return malformed('the token is too long');
  const parts = trimmed.split('.');
  if (parts.length !== 2 || !parts.every((part) => /^[A-Za-z0-9_-]+$/.test(part))) {
    return malformed('expected two base64url parts separated by a dot');
  }
  const [payload = '', signature = ''] = parts;
  let key: KeyObject;
  try {
    key = createPublicKey(publicKeyPem);
  } catch {
    throw new Error('The licence public key is not a valid PEM key');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('The licence public key is not an Ed25519 key');
  const signatureBytes = Buffer.from(signature, 'base64url');
  if (signatureBytes.length !== 64 || !verify(null, Buffer.from(payload, 'ascii'), key, signatureBytes)) {
    return { ok: false, problem: 'bad-signature', reason: 'The licence signature is not valid (not issued by the vendor, or altered)' };
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return malformed('the payload is not JSON');
  }
  const parsed = licencePayloadSchema.safeParse(json);
  if (!parsed.success) return malformed(`the payload is not a licence (${parsed.error.issues[0]?.path.join('.') || 'root'}: ${parsed.error.issues[0]?.message})`);
  const expiry = expiryInstant(parsed.data);
  if (expiry !== null && now.getTime() >= expiry.getTime()) {
    return { ok: false, problem: 'expired', reason: `The licence expired on ${parsed.data.expires}`, licence: parsed.data };
  }
  return { ok: true, licence: parsed.data };
}

function malformed(detail: string): LicenceVerdict {
  return { ok: false, problem: 'malformed', reason: `The licence is malformed: ${detail}` };
}
