import type { Mac } from '../domain/mac';

/**
 * Device enrolment (README, "Device enrolment"): each device host holds an Ed25519 key pair and proves it on every
 * plug-and-play SUBSCRIBE and every request under `/provisioning/`. The device signs, and the PBX checks, the same
 * payload built here; the cryptography lives with each side (node:crypto).
 *
 * A proof is four parameters, written `key="…", ts="…", nonce="…", sig="…"`:
 * - `key`: the raw 32-byte Ed25519 public key, base64url (43 characters);
 * - `ts`: the signing time, whole seconds since the Unix epoch; accepted within ±DEVICE_PROOF_WINDOW_SECONDS;
 * - `nonce`: 16–64 base64url characters, fresh per request; a nonce is accepted once per key;
 * - `sig`: the Ed25519 signature (64 bytes, base64url) of deviceProofPayload().
 *
 * HTTP carries it as `Authorization: Hotdesk-Device key="…", …`; SIP as a `Hotdesk-Device-Proof: key="…", …` header.
 */
export const DEVICE_PROOF_HTTP_SCHEME = 'Hotdesk-Device';
export const DEVICE_PROOF_SIP_HEADER = 'Hotdesk-Device-Proof';
export const DEVICE_PROOF_WINDOW_SECONDS = 300;

export const DEVICE_PUBLIC_KEY = /^[A-Za-z0-9_-]{43}$/;
const NONCE = /^[A-Za-z0-9_-]{16,64}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{86}$/;
const TIMESTAMP = /^[0-9]{1,12}$/;

export interface DeviceProof {
  key: string;
  ts: number;
  nonce: string;
  sig: string;
}

/** What a proof is about: the protocol, the method, and the request's target (see httpProofTarget, sipProofTarget). */
export interface ProofSubject {
  scope: 'http' | 'sip';
  method: string;
  target: string;
}

/** The bytes signed: a fixed label, then scope, method, target, ts and nonce, one per line (UTF-8). */
export function deviceProofPayload(subject: ProofSubject, ts: number, nonce: string): string {
  return ['hotdesk-device-proof/1', subject.scope, subject.method.toUpperCase(), subject.target, String(ts), nonce].join('\n');
}

/** An HTTP request's target: its path and query as sent (`/provisioning/<token>.json`). */
export function httpProofTarget(url: { pathname: string; search: string }): string {
  return `${url.pathname}${url.search}`;
}

/** A SUBSCRIBE's target: the device's MAC and the subscription's Call-ID, which both survive parsing unchanged. */
export function sipProofTarget(mac: Mac, callId: string): string {
  return `${mac} ${callId}`;
}

export function formatDeviceProof(proof: DeviceProof): string {
  return `key="${proof.key}", ts="${proof.ts}", nonce="${proof.nonce}", sig="${proof.sig}"`;
}

/** `Authorization` value for HTTP. */
export function deviceAuthorization(proof: DeviceProof): string {
  return `${DEVICE_PROOF_HTTP_SCHEME} ${formatDeviceProof(proof)}`;
}

/** Reads a proof's parameters; null when any is missing, repeated, unknown or malformed. */
export function parseDeviceProof(text: string): DeviceProof | null {
  if (text.length > 512) return null;
  const params = new Map<string, string>();
  for (const part of text.split(',')) {
    const match = /^\s*([a-z]+)\s*=\s*"([^"]*)"\s*$/.exec(part);
    if (!match || params.has(match[1] as string)) return null;
    params.set(match[1] as string, match[2] as string);
  }
  const key = params.get('key');
  const ts = params.get('ts');
  const nonce = params.get('nonce');
  const sig = params.get('sig');
  if (params.size !== 4 || !key || !ts || !nonce || !sig) return null;
  if (!DEVICE_PUBLIC_KEY.test(key) || !TIMESTAMP.test(ts) || !NONCE.test(nonce) || !SIGNATURE.test(sig)) return null;
  return { key, ts: Number(ts), nonce, sig };
}

/** The proof in an HTTP `Authorization` header; null when absent, of another scheme, or malformed. */
export function parseDeviceAuthorization(header: string | undefined): DeviceProof | null {
  if (header === undefined) return null;
  const space = header.indexOf(' ');
  if (space < 0 || header.slice(0, space).toLowerCase() !== DEVICE_PROOF_HTTP_SCHEME.toLowerCase()) return null;
  return parseDeviceProof(header.slice(space + 1));
}
