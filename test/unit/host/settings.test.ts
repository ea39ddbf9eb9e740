import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BridgeError, DEFAULT_SETTINGS } from '../../../shared/contracts';
import { openSettings } from '../../../electron/host/settings/openSettings';

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
