import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPbxStore, STORE_FILES } from '../../../../electron/pbx/store/pbxStore';
import { StoreVersionError } from '../../../../electron/pbx/store/storeErrors';
import { migrationContext, tempDir } from './support';

describe('openPbxStore', () => {
  it('creates every part on first start and opens them on the next', async () => {
    const dir = tempDir();
    const first = await openPbxStore(dir, migrationContext());
    expect(Object.values(first.states)).toEqual(Object.keys(STORE_FILES).map(() => 'created'));
    await first.settings.update((current) => ({ next: { ...current, pinMinLength: 8 }, result: undefined }));
    await first.close();
    const second = await openPbxStore(dir, migrationContext());
    expect(second.states.settings).toBe('opened');
    expect(second.settings.read().pinMinLength).toBe(8);
    expect(second.warnings).toEqual([]);
    await second.close();
    expect(readdirSync(dir).sort()).toEqual(['audit.jsonl', 'settings.json']);
  });

  it('refuses a second PBX on the same data dir while the first has it open', async () => {
    const dir = tempDir();
    const first = await openPbxStore(dir, migrationContext());
    await expect(openPbxStore(dir, migrationContext())).rejects.toThrow(/in use by another Hotdesk PBX \(process \d+\)/);
    await first.close();
    const again = await openPbxStore(dir, migrationContext());
    await again.close();
  });
});

/** Every file under `dir` with its content and mtime: a fingerprint that any write changes. */
function snapshot(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .map((name) => `${name} ${statSync(path.join(dir, name)).mtimeMs} ${readFileSync(path.join(dir, name), 'utf8')}`);
}

describe('openPbxStore: a start that cannot run changes nothing', () => {
  it('refuses admin.json from a newer PBX before moving an unreadable extensions.json aside; the next start says what it moved', async () => {
    const dir = tempDir();
    const first = await openPbxStore(dir, migrationContext());
    await first.settings.update((current) => ({ next: { ...current, pinMinLength: 8 }, result: undefined }));
    await first.close();
    writeFileSync(path.join(dir, 'extensions.json'), '{"kind":"hotdesk.extensions","version":1,"data":{"exten');
    writeFileSync(path.join(dir, 'admin.json'), JSON.stringify({ kind: 'hotdesk.admin', version: 99, data: null }));
    const before = snapshot(dir);
    await expect(openPbxStore(dir, migrationContext())).rejects.toBeInstanceOf(StoreVersionError);
    expect(snapshot(dir)).toEqual(before);

    writeFileSync(path.join(dir, 'admin.json'), JSON.stringify({ kind: 'hotdesk.admin', version: 1, data: null }));
    const second = await openPbxStore(dir, migrationContext());
    expect(second.states.extensions).toBe('recovered');
    expect(second.warnings).toEqual([expect.stringMatching(/extensions\.json was unreadable \(not valid JSON.*moved to .*extensions\.json\.broken-/)]);
    await second.close();
  });

  it('writes nothing when refused by the lock of a running PBX', async () => {
    const dir = tempDir();
    const running = await openPbxStore(dir, migrationContext());
    await running.settings.update((current) => ({ next: { ...current, pinMinLength: 7 }, result: undefined }));
    writeFileSync(path.join(dir, 'devices.json'), 'garbage that a start would move aside');
    const before = snapshot(dir);
    await expect(openPbxStore(dir, migrationContext())).rejects.toThrow(/in use by another Hotdesk PBX/);
    expect(snapshot(dir)).toEqual(before);
    await running.close();
  });

  it.skipIf(process.platform === 'win32')('keeps the directory 0700 and its files 0600, whatever modes they were left with', async () => {
    const dir = tempDir();
    const first = await openPbxStore(dir, migrationContext());
    await first.settings.update((current) => ({ next: { ...current, pinMinLength: 8 }, result: undefined }));
    await first.close();
    chmodSync(dir, 0o755);
    chmodSync(path.join(dir, 'settings.json'), 0o644);
    writeFileSync(path.join(dir, 'extensions.json'), '{}', { mode: 0o644 });
    const second = await openPbxStore(dir, migrationContext());
    await second.extensions.update((data) => ({ next: { ...data }, result: undefined }));
    const modes = Object.fromEntries(readdirSync(dir).map((name) => [name, statSync(path.join(dir, name)).mode & 0o777]));
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(Object.values(modes).every((mode) => mode === 0o600)).toBe(true);
    expect(Object.keys(modes).sort()).toEqual(expect.arrayContaining(['audit.jsonl', 'settings.json', 'pbx.lock', expect.stringMatching(/^extensions\.json\.broken-/)]));
    await second.close();
  });
});
