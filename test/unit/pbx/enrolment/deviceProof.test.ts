import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DeviceKey } from '../../../../electron/host/identity/deviceKey';
import { deviceKeyFingerprint } from '../../../../electron/pbx/core/enrolment/deviceKeys';
import { DeviceProofVerifier } from '../../../../electron/pbx/core/enrolment/deviceProofVerifier';
import { NonceMemory } from '../../../../electron/pbx/core/enrolment/nonceMemory';
import { deviceAuthorization, formatDeviceProof, parseDeviceAuthorization, parseDeviceProof, type ProofSubject } from '../../../../shared/sip/deviceProof';

const NOW = Date.parse('2025-09-01T10:00:00Z');
const SUBJECT: ProofSubject = { scope: 'http', method: 'GET', target: '/provisioning/AAAAAAAAAAAAAAAAAAAAAA.json' };
const key = DeviceKey.generate();
const other = DeviceKey.generate();

function verifier(now = NOW) {
  let time = now;
  return { verifier: new DeviceProofVerifier({ now: () => time }), advance: (ms: number) => (time += ms) };
}

describe('device proofs: Ed25519 signatures over method, target, time and nonce', () => {
  it('accepts a fresh proof by the key it names, once', () => {
    const { verifier: check } = verifier();
    const proof = key.prove(SUBJECT, NOW);
    expect(check.check(proof, SUBJECT)).toEqual({ kind: 'valid', publicKey: key.publicKey });
    expect(check.check(proof, SUBJECT)).toEqual({ kind: 'invalid', reason: 'replayed' });
  });

  it('refuses a proof for a tampered path, method or scope', () => {
    const { verifier: check } = verifier();
    const proof = key.prove(SUBJECT, NOW);
    for (const subject of [
      { ...SUBJECT, target: '/provisioning/BBBBBBBBBBBBBBBBBBBBBB.json' },
      { ...SUBJECT, target: `${SUBJECT.target}?x=1` },
      { ...SUBJECT, method: 'POST' },
      { ...SUBJECT, scope: 'sip' as const },
    ]) {
      expect(check.check(proof, subject)).toEqual({ kind: 'invalid', reason: 'signature' });
    }
    expect(check.check(proof, SUBJECT).kind).toBe('valid'); // the failures spent nothing
  });

  it('refuses a proof made more than five minutes from now, either way, and accepts one just inside', () => {
    const { verifier: check } = verifier();
    expect(check.check(key.prove(SUBJECT, NOW - 301_000), SUBJECT)).toEqual({ kind: 'invalid', reason: 'stale' });
    expect(check.check(key.prove(SUBJECT, NOW + 301_000), SUBJECT)).toEqual({ kind: 'invalid', reason: 'stale' });
    expect(check.check(key.prove(SUBJECT, NOW - 299_000), SUBJECT).kind).toBe('valid');
    expect(check.check(key.prove(SUBJECT, NOW + 299_000), SUBJECT).kind).toBe('valid');
  });

  it('refuses a signature by another key than the one the proof names', () => {
    const { verifier: check } = verifier();
    const forged = { ...other.prove(SUBJECT, NOW), key: key.publicKey };
    expect(check.check(forged, SUBJECT)).toEqual({ kind: 'invalid', reason: 'signature' });
    // The other key's own proof holds — for the other key: whether that key may have the resource is the caller's rule.
    expect(check.check(other.prove(SUBJECT, NOW), SUBJECT)).toEqual({ kind: 'valid', publicKey: other.publicKey });
  });

  it('remembers a nonce for the whole window a replay could still be on time, then forgets it', () => {
    const { verifier: check, advance } = verifier();
    const proof = key.prove(SUBJECT, NOW + 299_000); // stamped at the far edge of the window
    expect(check.check(proof, SUBJECT).kind).toBe('valid');
    advance(590_000); // the proof is still within five minutes of now
    expect(check.check(proof, SUBJECT)).toEqual({ kind: 'invalid', reason: 'replayed' });
    advance(20_000);
    expect(check.check(proof, SUBJECT)).toEqual({ kind: 'invalid', reason: 'stale' });
  });

  it('spends nothing on authentic() alone', () => {
    const { verifier: check } = verifier();
    const proof = key.prove(SUBJECT, NOW);
    expect(check.authentic(proof, SUBJECT).kind).toBe('valid');
    expect(check.authentic(proof, SUBJECT).kind).toBe('valid');
    expect(check.spend(proof).kind).toBe('valid');
    expect(check.spend(proof)).toEqual({ kind: 'invalid', reason: 'replayed' });
    expect(check.authentic(null, SUBJECT)).toEqual({ kind: 'none' });
  });

  it('formats and parses proofs, refusing anything malformed', () => {
    const proof = key.prove(SUBJECT, NOW);
    expect(parseDeviceProof(formatDeviceProof(proof))).toEqual(proof);
    expect(parseDeviceAuthorization(deviceAuthorization(proof))).toEqual(proof);
    expect(parseDeviceAuthorization(`hotdesk-device ${formatDeviceProof(proof)}`)).toEqual(proof);
    const text = formatDeviceProof(proof);
    for (const bad of [
      text.replace(/, sig="[^"]*"/, ''),
      `${text}, sig="${proof.sig}"`,
      `${text}, extra="1"`,
      text.replace(proof.key, proof.key.slice(1)),
      text.replace(/ts="\d+"/, 'ts="-5"'),
      text.replace(/nonce="[^"]*"/, 'nonce="short"'),
      'x'.repeat(600),
    ]) {
      expect(parseDeviceProof(bad)).toBeNull();
    }
    expect(parseDeviceAuthorization(`Basic ${Buffer.from('admin:admin').toString('base64')}`)).toBeNull();
    expect(parseDeviceAuthorization(undefined)).toBeNull();
  });

  it('takes the fingerprint as SHA-256 of the raw public key', () => {
    const raw = Buffer.from(key.publicKey, 'base64url');
    expect(raw).toHaveLength(32);
    expect(key.fingerprint).toBe(createHash('sha256').update(raw).digest('base64url'));
    expect(deviceKeyFingerprint(key.publicKey)).toBe(key.fingerprint);
    expect(key.fingerprint).not.toBe(other.fingerprint);
  });

  it('never serialises the private key', () => {
    expect(JSON.parse(JSON.stringify({ key }))).toEqual({ key: { publicKey: key.publicKey, fingerprint: key.fingerprint } });
    expect(DeviceKey.fromPem(key.privateKeyPem()).publicKey).toBe(key.publicKey);
  });
});

describe('NonceMemory', () => {
  it('drops expired nonces and refuses new ones when full rather than forget live ones', () => {
    const memory = new NonceMemory(1000, 2);
    expect(memory.remember('k', 'a', 0)).toBe('fresh');
    expect(memory.remember('k', 'b', 500)).toBe('fresh');
    expect(memory.remember('k', 'c', 600)).toBe('full');
    expect(memory.remember('k', 'a', 999)).toBe('replayed');
    expect(memory.remember('k', 'c', 1000)).toBe('fresh'); // 'a' expired
    expect(memory.remember('other', 'b', 1000)).toBe('full');
    expect(memory.size).toBe(2);
  });
});
