// Settings over the real bridge: the admin PIN guards mode, identity, SIP account and provisioning URL; secrets are
// write-only; the settings file is private. Real sockets, the real PBX.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BridgeTestClient } from './support/bridgeClient';
import { startTestServices } from './support/deviceServices';

type Services = Awaited<ReturnType<typeof startTestServices>>;
const ACCOUNT = { webSocketUrl: 'wss://pbx.example.com/ws', uri: 'sip:2001@example.com', authUser: '2001', password: 'correct horse battery', displayName: 'Desk 7' };
const modeOf = (file: string) => statSync(file).mode & 0o777;

describe('settings on a demo host', () => {
  let services: Services;
  let kiosk: BridgeTestClient;

  beforeAll(async () => {
    services = await startTestServices();
    kiosk = await BridgeTestClient.openPage(services.origin);
  });
  afterAll(async () => {
    kiosk.close();
    await services.stop();
  });

  it.each([
    ['mode', { mode: 'site' }],
    ['SIP account', { sipAccount: ACCOUNT }],
    ['provisioning URL', { provisioningUrl: 'https://attacker.example/p' }],
    ['device MAC', { mac: '02:00:00:00:00:03' }],
    ['kiosk mode', { kiosk: true }],
    ['admin PIN', { adminPin: '4321' }],
  ])('refuses a %s change without the admin PIN, and leaves the settings alone', async (_what, patch) => {
    const before = services.settings.get();
    expect(await kiosk.request('settings.update', [patch])).toMatchObject({ ok: false, error: { code: 'unauthorized', message: 'This change needs the admin PIN' } });
    expect(services.settings.get()).toEqual(before);
  });

  it('refuses a wrong admin PIN, counting it, until the right one resets the count', async () => {
    for (const wrong of ['1234', '00000', '9999', '0001']) {
      expect(await kiosk.request('settings.update', [{ mode: 'site' }, { adminPin: wrong }])).toMatchObject({
        ok: false,
        error: { code: 'unauthorized', message: 'Wrong admin PIN' },
      });
    }
    expect(await kiosk.request('settings.update', [{ mode: 'demo' }, { adminPin: '0000' }])).toMatchObject({ ok: true, result: { mode: 'demo' } });
    expect(services.settings.get().mode).toBe('demo');
  });

  it('accepts them with the admin PIN (demo: 0000), and theme or audio without it', async () => {
    expect(await kiosk.request('settings.update', [{ theme: 'dark' }])).toMatchObject({ ok: true, result: { theme: 'dark' } });
    expect(await kiosk.request('settings.update', [{ provisioningUrl: 'https://prov.example/p' }, { adminPin: '0000' }])).toMatchObject({
      ok: true,
      result: { provisioningUrl: 'https://prov.example/p' },
    });
    expect(await kiosk.request('settings.update', [{ provisioningUrl: null, adminPin: '2468' }, { adminPin: '0000' }])).toMatchObject({ ok: true });
    expect(await kiosk.request('settings.update', [{ kiosk: true }, { adminPin: '0000' }])).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await kiosk.request('settings.update', [{ kiosk: false }, { adminPin: '2468' }])).toMatchObject({ ok: true, result: { kiosk: false } });
  });

  it('never gives the manual SIP password back: not in settings.get, not in any event, not on disk in another shape', async () => {
    const watcher = await BridgeTestClient.openPage(services.origin);
    const pin = { adminPin: '2468' };
    expect(await kiosk.request('settings.update', [{ sipAccount: ACCOUNT }, pin])).toMatchObject({
      ok: true,
      result: { sipAccount: { uri: 'sip:2001@example.com', hasPassword: true } },
    });
    await watcher.waitFor((m) => m.type === 'event' && m.name === 'settings.changed');
    // Same server and user: the password may be left out and is kept; another server needs it typed again.
    expect(await kiosk.request('settings.update', [{ sipAccount: { ...ACCOUNT, password: undefined, displayName: 'Desk 8' } }, pin])).toMatchObject({
      ok: true,
      result: { sipAccount: { displayName: 'Desk 8', hasPassword: true } },
    });
    expect(await kiosk.request('settings.update', [{ sipAccount: { ...ACCOUNT, password: undefined, webSocketUrl: 'wss://attacker.example/ws' } }, pin])).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(await kiosk.request('settings.get')).toMatchObject({ ok: true, result: { sipAccount: { hasPassword: true } } });
    const seen = JSON.stringify([...kiosk.received, ...watcher.received]);
    expect(seen).not.toContain(ACCOUNT.password);
    expect(seen).not.toContain('"password"');
    // Plain Node has no keychain: the password is in the settings file only, which nobody else may read.
    expect(readFileSync(services.settings.path, 'utf8')).toContain(ACCOUNT.password);
    expect(modeOf(services.settings.path)).toBe(0o600);
    expect(modeOf(services.dataDir)).toBe(0o700);
    expect(await kiosk.request('settings.update', [{ sipAccount: null }, pin])).toMatchObject({ ok: true });
    watcher.close();
  });

  it('stops checking PINs after five wrong ones in a row, even the right one, for 5 minutes and across a restart (runs last: the host stays locked)', async () => {
    const wrongs = await Promise.all(['1', '2', '3', '4', '5'].map((digit) => kiosk.request('settings.update', [{ kiosk: true }, { adminPin: digit.repeat(4) }])));
    expect(wrongs.map((answer) => (answer as { error?: { message: string } }).error?.message)).toEqual(Array(5).fill('Wrong admin PIN'));
    expect(await kiosk.request('settings.update', [{ kiosk: true }, { adminPin: '2468' }])).toMatchObject({
      ok: false,
      error: { code: 'unauthorized', message: 'Too many wrong admin PINs; try again in 5 min' },
    });
    expect(services.settings.get().kiosk).toBe(false);

    // A restart of the host does not lift the lock: it is kept in settings.json.
    kiosk.close();
    const dataDir = services.dataDir;
    await services.stop();
    services = await startTestServices(null, { dataDir });
    kiosk = await BridgeTestClient.openPage(services.origin);
    expect(await kiosk.request('settings.unlock', [{ adminPin: '2468' }])).toMatchObject({
      ok: false,
      error: { code: 'unauthorized', message: 'Too many wrong admin PINs; try again in 5 min' },
    });
  });
});

describe('a site host', () => {
  let dataDir: string;
  let services: Services;
  let pin = '';

  beforeAll(async () => {
    // An older version's data directory: open to everyone, settings with a plain password in a 0644 file.
    dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'hotdesk-it-site-')), 'data');
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ mode: 'site', sipAccount: ACCOUNT }), { mode: 0o644 });
    chmodSync(path.join(dataDir, 'settings.json'), 0o644);
    services = await startTestServices(null, { dataDir, mode: 'site' });
  });
  afterAll(async () => {
    await services.stop();
  });

  it('takes group and other permissions off the data directory and the settings file, and says so', () => {
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(path.join(dataDir, 'settings.json'))).toBe(0o600);
    expect(services.warnings.join('\n')).toContain(`The data directory ${dataDir} was open to other users (mode 755); it is now 700.`);
  });

  it('makes up an admin PIN on its first start, keeps only its hash and shows it once', async () => {
    pin = /Admin PIN \(settings of this device\): (\d{8}) \(shown once/.exec(services.warnings.join('\n'))?.[1] ?? '';
    expect(pin).toMatch(/^\d{8}$/);
    const stored = JSON.parse(readFileSync(path.join(dataDir, 'settings.json'), 'utf8')) as { adminPin: Record<string, unknown> };
    expect(stored.adminPin).toMatchObject({ algorithm: 'scrypt', salt: expect.any(String), hash: expect.any(String) });
    expect(JSON.stringify(stored)).not.toContain(pin);
    await services.stop();
    services = await startTestServices(null, { dataDir, mode: 'site' });
    expect(services.warnings.join('\n')).not.toContain('Admin PIN');
  });

  it('refuses the switch to demo mode without the PIN; with it the mode is saved for the next start only', async () => {
    const kiosk = await BridgeTestClient.openPage(services.origin);
    const bob = await BridgeTestClient.openPage(services.origin, '?account=101');
    expect(await kiosk.request('settings.update', [{ mode: 'demo' }])).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await kiosk.request('settings.update', [{ mode: 'demo' }, { adminPin: '0000' }])).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(services.settings.get().mode).toBe('site');
    expect(await bob.request('phone.account')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await kiosk.request('settings.update', [{ mode: 'demo' }, { adminPin: pin }])).toMatchObject({ ok: true, result: { mode: 'demo' } });
    // The running host stays what it was started as: no demo ?account= credentials on a site PBX.
    expect(await kiosk.request('app.info')).toMatchObject({ ok: true, result: { mode: 'site' } });
    expect(await bob.request('phone.account')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await kiosk.request('settings.update', [{ mode: 'site' }, { adminPin: pin }])).toMatchObject({ ok: true });
    kiosk.close();
    bob.close();
  });
});
