import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BridgeError, DEFAULT_SETTINGS } from '../../../shared/contracts';
import { openSettings } from '../../../electron/host/settings/openSettings';
import type { SecretBox } from '../../../electron/host/settings/secretBox';

const freshDir = () => mkdtempSync(path.join(tmpdir(), 'hotdesk-settings-'));
const settingsFile = (dir: string) => path.join(dir, 'settings.json');

describe('settings store', () => {
  it('starts on defaults and persists a valid update to the file', () => {
    const dir = freshDir();
    const { store, warning } = openSettings(dir);
    expect(warning).toBeNull();
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    store.update({ mac: '02:00:00:00:00:02', kiosk: true });
    expect(JSON.parse(readFileSync(settingsFile(dir), 'utf8'))).toMatchObject({ mac: '02:00:00:00:00:02', kiosk: true });
    expect(openSettings(dir).store.get()).toMatchObject({ mac: '02:00:00:00:00:02', kiosk: true });
  });

  it('refuses a bad patch with a clear error and leaves the file as it was', () => {
    const dir = freshDir();
    const { store } = openSettings(dir);
    store.update({ kiosk: true });
    const before = readFileSync(settingsFile(dir), 'utf8');
    expect(() => store.update({ mac: 'not-a-mac' })).toThrow(BridgeError);
    expect(() => store.update({ mac: 'not-a-mac' })).toThrow(/mac: must be a MAC/);
    expect(() => store.update({ unknownKey: 1 })).toThrow(BridgeError);
    expect(() => store.update('kiosk')).toThrow(BridgeError);
    expect(readFileSync(settingsFile(dir), 'utf8')).toBe(before);
    expect(store.get().kiosk).toBe(true);
  });

  it('moves a corrupt (non-JSON) file aside, keeps its bytes and starts on defaults', () => {
    const dir = freshDir();
    writeFileSync(settingsFile(dir), '{"kiosk": tru');
    const { store, warning } = openSettings(dir);
    expect(warning).toMatch(/not valid JSON/);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    const aside = readdirSync(dir).find((name) => name.startsWith('settings.json.broken-'));
    expect(aside).toBeDefined();
    expect(readFileSync(path.join(dir, aside as string), 'utf8')).toBe('{"kiosk": tru');
    expect(warning).toContain(aside);
  });

  it('moves a hand-broken file (valid JSON, invalid values) aside', () => {
    const dir = freshDir();
    writeFileSync(settingsFile(dir), JSON.stringify({ kiosk: 'yes', mac: '02:00:00:00:00:02' }));
    const { store, warning } = openSettings(dir);
    expect(warning).toMatch(/kiosk/);
    expect(store.get().kiosk).toBe(false);
    expect(readdirSync(dir).some((name) => name.startsWith('settings.json.broken-'))).toBe(true);
  });

  it('takes only an http(s) provisioning URL without credentials', () => {
    const { store } = openSettings(freshDir());
    for (const url of ['file:///etc/passwd', 'data:application/json,{}', 'javascript:alert(1)', 'ftp://pbx.example.com/x.json', 'http://admin:admin@pbx.example.com/x.json']) {
      expect(() => store.update({ provisioningUrl: url })).toThrow(/provisioningUrl: must be an http:\/\/ or https:\/\/ URL/);
    }
    expect(store.get().provisioningUrl).toBeNull();
    expect(store.update({ provisioningUrl: 'https://pbx.example.com/provisioning/AAAAAAAAAAAAAAAAAAAAAA.json' }).provisioningUrl).toMatch(/^https:/);
  });

  it('takes only a ws(s) site PBX URL without credentials, null by default', () => {
    const { store } = openSettings(freshDir());
    expect(store.get().sitePbxUrl).toBeNull();
    for (const url of ['http://pbx.example.com/sip', 'file:///etc/passwd', 'wss://admin:pw@pbx.example.com/sip', 'wss:/pbx', 'pbx.example.com:5443']) {
      expect(() => store.update({ sitePbxUrl: url })).toThrow(/sitePbxUrl: must be a ws:\/\/ or wss:\/\/ URL/);
    }
    expect(store.get().sitePbxUrl).toBeNull();
    expect(() => store.update({ sitePbxUrl: 'ws://10.0.0.2:5180/sip' })).toThrow(/sitePbxUrl: must be a wss:\/\/ URL \(ws:\/\/ only to this machine\)/);
    expect(store.update({ sitePbxUrl: 'ws://localhost:5180/sip' }).sitePbxUrl).toBe('ws://localhost:5180/sip');
    expect(store.update({ sitePbxUrl: 'wss://pbx.example.com:5443/sip' }).sitePbxUrl).toBe('wss://pbx.example.com:5443/sip');
    expect(store.update({ sitePbxUrl: null }).sitePbxUrl).toBeNull();
  });

  it('changes only the fields a patch names', () => {
    const { store } = openSettings(freshDir());
    store.update({ mac: '02:00:00:00:00:02', kiosk: true, mode: 'site' });
    expect(store.update({ theme: 'dark' })).toMatchObject({ mac: '02:00:00:00:00:02', kiosk: true, mode: 'site', theme: 'dark' });
  });

  it('tells listeners about changes', () => {
    const { store } = openSettings(freshDir());
    const seen: boolean[] = [];
    const off = store.onChange((settings) => seen.push(settings.kiosk));
    store.update({ kiosk: true });
    off();
    store.update({ kiosk: false });
    expect(seen).toEqual([true]);
  });
});

/** A keychain stand-in: reversible, not plain text, and it refuses what it did not seal. */
const keychain: SecretBox = {
  seal: (plain) => `k1:${Buffer.from(plain).toString('base64')}`,
  open: (sealed) => {
    if (!sealed.startsWith('k1:')) throw new Error('not sealed by this keychain');
    return Buffer.from(sealed.slice(3), 'base64').toString();
  },
};
const ACCOUNT = { webSocketUrl: 'wss://pbx.example.com/ws', uri: 'sip:2001@example.com', authUser: '2001', password: 'hunter2-long', displayName: 'Desk 7' };
const modeOf = (file: string) => statSync(file).mode & 0o777;

describe('settings secrets', () => {
  it('shows the manual account without its password: hasPassword instead, in the view and to listeners', () => {
    const { store } = openSettings(freshDir());
    const seen: unknown[] = [];
    store.onChange((settings) => seen.push(settings));
    const view = store.update({ sipAccount: ACCOUNT });
    expect(view.sipAccount).toEqual({ webSocketUrl: ACCOUNT.webSocketUrl, uri: ACCOUNT.uri, authUser: '2001', displayName: 'Desk 7', hasPassword: true });
    expect(JSON.stringify([view, store.view(), seen])).not.toContain(ACCOUNT.password);
    expect(store.get().sipAccount?.password).toBe(ACCOUNT.password);
  });

  it('keeps the password in the 0600 file only where there is no keychain', () => {
    const dir = freshDir();
    const { store } = openSettings(dir);
    store.update({ sipAccount: ACCOUNT });
    expect(readFileSync(settingsFile(dir), 'utf8')).toContain(ACCOUNT.password);
    expect(modeOf(settingsFile(dir))).toBe(0o600);
    expect(modeOf(dir)).toBe(0o700);
  });

  it('seals the password with the keychain, and opens it again on the next start', () => {
    const dir = freshDir();
    openSettings(dir, undefined, keychain).store.update({ sipAccount: ACCOUNT });
    const onDisk = readFileSync(settingsFile(dir), 'utf8');
    expect(onDisk).not.toContain(ACCOUNT.password);
    expect(JSON.parse(onDisk).sipAccount).toMatchObject({ uri: ACCOUNT.uri, sealedPassword: keychain.seal(ACCOUNT.password) });
    expect(openSettings(dir, undefined, keychain).store.get().sipAccount?.password).toBe(ACCOUNT.password);
  });

  it('seals a plain password an older start left in the file as soon as a keychain is there', () => {
    const dir = freshDir();
    writeFileSync(settingsFile(dir), JSON.stringify({ sipAccount: ACCOUNT }));
    const { store, warning } = openSettings(dir, undefined, keychain);
    expect(warning).toBeNull();
    expect(readFileSync(settingsFile(dir), 'utf8')).not.toContain(ACCOUNT.password);
    expect(store.get().sipAccount?.password).toBe(ACCOUNT.password);
  });

  it('says so when a sealed password cannot be opened here, and shows the account as having none', () => {
    const dir = freshDir();
    writeFileSync(settingsFile(dir), JSON.stringify({ sipAccount: { ...ACCOUNT, password: undefined, sealedPassword: 'other-keychain' } }));
    for (const box of [null, keychain]) {
      const { store, warning } = openSettings(dir, undefined, box);
      expect(warning).toMatch(/sealed with a keychain this host cannot open/);
      expect(store.view().sipAccount).toMatchObject({ uri: ACCOUNT.uri, hasPassword: false });
    }
  });

  it('keeps the stored password when a patch leaves it out for the same server and user, never for another', () => {
    const { store } = openSettings(freshDir());
    store.update({ sipAccount: ACCOUNT });
    const { password: _omitted, ...withoutPassword } = ACCOUNT;
    store.update({ sipAccount: { ...withoutPassword, displayName: 'Desk 8' } });
    expect(store.get().sipAccount).toMatchObject({ displayName: 'Desk 8', password: ACCOUNT.password });
    for (const moved of [{ webSocketUrl: 'wss://attacker.example/ws' }, { uri: 'sip:2001@attacker.example' }, { authUser: '2002' }]) {
      expect(() => store.update({ sipAccount: { ...withoutPassword, ...moved } })).toThrow(/needs its password/);
    }
    store.update({ sipAccount: null });
    expect(() => store.update({ sipAccount: withoutPassword })).toThrow(/needs its password/);
  });

  it('keeps the admin PIN hash in the file but out of every view, and refuses adminPin as a plain field', () => {
    const dir = freshDir();
    const { store } = openSettings(dir);
    const hash = { algorithm: 'scrypt' as const, N: 1024, r: 8, p: 1, salt: 'c2FsdA', hash: 'aGFzaA' };
    store.setAdminPinHash(hash);
    expect(openSettings(dir).store.adminPinHash()).toEqual(hash);
    expect(JSON.stringify(store.view())).not.toContain('aGFzaA');
    expect(() => store.update({ adminPin: '1234' })).toThrow(BridgeError);
  });

  it('tightens a data directory and settings file an older version left open to others', () => {
    const dir = freshDir();
    writeFileSync(settingsFile(dir), JSON.stringify({ theme: 'dark' }), { mode: 0o644 });
    chmodSync(settingsFile(dir), 0o644);
    chmodSync(dir, 0o755);
    const { warning } = openSettings(dir);
    expect(warning).toBe(`The data directory ${dir} was open to other users (mode 755); it is now 700.`);
    expect([modeOf(dir), modeOf(settingsFile(dir))]).toEqual([0o700, 0o600]);
    const fresh = path.join(dir, 'nested', 'data');
    openSettings(fresh).store.update({ theme: 'light' });
    expect([modeOf(fresh), modeOf(settingsFile(fresh))]).toEqual([0o700, 0o600]);
  });
});
