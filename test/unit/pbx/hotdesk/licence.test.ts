import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadLicenceAssets } from '../../../../electron/pbx/core/licence/licenceAssets';
import { signLicence, verifyLicence } from '../../../../electron/pbx/core/licence/licenceToken';
import { makeHotDesk, makeKeyPair, TEST_KEYS, testLicence } from './support';

const NOW = new Date('2025-03-01T09:00:00Z');
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

describe('verifyLicence', () => {
  it('accepts a token signed by the vendor key and returns its payload', () => {
    const token = testLicence({ edition: 'enterprise', maxHotDeskDevices: 40, expires: '2025-12-31' });
    expect(verifyLicence(token, TEST_KEYS.publicKeyPem, NOW)).toEqual({
      ok: true,
      licence: { edition: 'enterprise', licensee: 'Test Ltd', issued: '2024-01-01', expires: '2025-12-31', maxHotDeskDevices: 40 },
    });
  });

  it('refuses a tampered payload (an upgraded edition) as a bad signature', () => {
    const [, signature] = testLicence({ edition: 'free' }).split('.');
    const forged = Buffer.from(JSON.stringify({ edition: 'enterprise', licensee: 'Test Ltd', issued: '2024-01-01' })).toString('base64url');
    expect(verifyLicence(`${forged}.${signature}`, TEST_KEYS.publicKeyPem, NOW)).toMatchObject({ ok: false, problem: 'bad-signature' });
  });

  it('refuses a token signed with another key', () => {
    const other = makeKeyPair();
    const token = signLicence({ edition: 'pro', licensee: 'Pirate', issued: '2024-01-01' }, other.privateKeyPem);
    expect(verifyLicence(token, TEST_KEYS.publicKeyPem, NOW)).toMatchObject({ ok: false, problem: 'bad-signature', reason: expect.stringContaining('not valid') });
  });

  it('refuses an expired licence (a date-only expiry covers that whole day, UTC)', () => {
    const token = testLicence({ expires: '2025-02-28' });
    expect(verifyLicence(token, TEST_KEYS.publicKeyPem, new Date('2025-02-28T23:59:59Z')).ok).toBe(true);
    expect(verifyLicence(token, TEST_KEYS.publicKeyPem, new Date('2025-03-01T00:00:00Z'))).toMatchObject({
      ok: false,
      problem: 'expired',
      reason: 'The licence expired on 2025-02-28',
    });
  });

  it.each([
    ['', 'two base64url parts'],
    ['abc', 'two base64url parts'],
    ['a.b.c', 'two base64url parts'],
    ['a b.c', 'two base64url parts'],
    ['x'.repeat(5000), 'too long'],
  ])('calls %j malformed', (token, words) => {
    expect(verifyLicence(token, TEST_KEYS.publicKeyPem, NOW)).toMatchObject({ ok: false, problem: 'malformed', reason: expect.stringContaining(words) });
  });

  it('calls a correctly signed non-licence payload malformed', async () => {
    const { sign, createPrivateKey } = await import('node:crypto');
    const payload = Buffer.from(JSON.stringify({ edition: 'gold', licensee: 'x', issued: '2024-01-01' })).toString('base64url');
    const signature = sign(null, Buffer.from(payload), createPrivateKey(TEST_KEYS.privateKeyPem)).toString('base64url');
    expect(verifyLicence(`${payload}.${signature}`, TEST_KEYS.publicKeyPem, NOW)).toMatchObject({ ok: false, problem: 'malformed', reason: expect.stringContaining('edition') });
  });

  it('the committed demo PRO licence verifies with the committed public key', async () => {
    const assets = await loadLicenceAssets(path.join(repoRoot, 'assets', 'licence'));
    expect(assets.publicKeyPem).toContain('BEGIN PUBLIC KEY');
    const verdict = verifyLicence(assets.demoToken ?? '', assets.publicKeyPem ?? '', new Date());
    expect(verdict).toMatchObject({ ok: true, licence: { edition: 'pro' } });
    expect(readFileSync(path.join(repoRoot, 'assets', 'licence', 'public-key.pem'), 'utf8')).not.toContain('PRIVATE');
  });
});

describe('LicenceService', () => {
  it('uses the built-in demo PRO licence in demo mode', async () => {
    const { hotDesk } = await makeHotDesk();
    expect(hotDesk.licence.status()).toMatchObject({ edition: 'pro', source: 'built-in-demo', state: 'valid', hotDesking: true });
  });

  it('starts free in site mode, installs a valid token and refuses bad ones with the reason', async () => {
    const { hotDesk, clock } = await makeHotDesk({ mode: 'site', licence: 'none' });
    expect(hotDesk.licence.status()).toMatchObject({ edition: 'free', source: 'none', state: 'none', hotDesking: false });
    await expect(hotDesk.licence.install('garbage')).rejects.toMatchObject({ code: 'invalid-licence', message: expect.stringContaining('malformed') });
    const token = testLicence({ licensee: 'ACME', expires: '2025-03-02' });
    expect(await hotDesk.licence.install(token)).toMatchObject({ edition: 'pro', source: 'installed', licensee: 'ACME', hotDesking: true });
    clock.advance(2 * 86_400_000);
    expect(hotDesk.licence.status()).toMatchObject({ edition: 'free', state: 'expired', hotDesking: false, problem: 'The licence expired on 2025-03-02' });
    expect(hotDesk.licence.hotDeskAllowance()).toMatchObject({ ok: false, reason: expect.stringContaining('expired') });
  });
});
