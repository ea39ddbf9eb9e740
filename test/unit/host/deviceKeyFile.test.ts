import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEVICE_KEY_FILE, loadOrCreateDeviceKey } from '../../../electron/host/identity/deviceKeyFile';

const dataDir = () => mkdtempSync(path.join(tmpdir(), 'hotdesk-key-'));

describe('the device key file', () => {
  it('makes an Ed25519 key on first start, mode 0600, and reads the same key afterwards', async () => {
    const dir = dataDir();
    const first = await loadOrCreateDeviceKey(dir);
    expect(first.warning).toBeNull();
    const file = path.join(dir, DEVICE_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    const again = await loadOrCreateDeviceKey(dir);
    expect([again.key.publicKey, again.warning]).toEqual([first.key.publicKey, null]);
    expect(first.key.publicKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('makes a file others can read 0600 again, and says so', async () => {
    const dir = dataDir();
    const { key } = await loadOrCreateDeviceKey(dir);
    chmodSync(path.join(dir, DEVICE_KEY_FILE), 0o644);
    const loaded = await loadOrCreateDeviceKey(dir);
    expect(loaded.key.publicKey).toBe(key.publicKey);
    expect(loaded.warning).toMatch(/readable by other users; it is now mode 0600/);
    expect(statSync(path.join(dir, DEVICE_KEY_FILE)).mode & 0o777).toBe(0o600);
  });

  it('moves an unreadable file aside and makes a new key (the device enrols again)', async () => {
    const dir = dataDir();
    writeFileSync(path.join(dir, DEVICE_KEY_FILE), 'not a key', { mode: 0o600 });
    const loaded = await loadOrCreateDeviceKey(dir, () => new Date('2025-04-01T10:00:00Z'));
    expect(loaded.warning).toMatch(/was unreadable .* moved to .*device-key\.pem\.broken-2025-04-01T10-00-00-000Z .* enrol this device again/);
    expect(readFileSync(path.join(dir, `${DEVICE_KEY_FILE}.broken-2025-04-01T10-00-00-000Z`), 'utf8')).toBe('not a key');
    expect(readdirSync(dir).sort()).toEqual([DEVICE_KEY_FILE, `${DEVICE_KEY_FILE}.broken-2025-04-01T10-00-00-000Z`]);
  });

  it('refuses a private key of another type', async () => {
    const dir = dataDir();
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    writeFileSync(path.join(dir, DEVICE_KEY_FILE), ec, { mode: 0o600 });
    expect((await loadOrCreateDeviceKey(dir)).warning).toMatch(/not an Ed25519 key \(ec\)/);
  });
});
