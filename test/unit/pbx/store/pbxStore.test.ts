import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openPbxStore, STORE_FILES } from '../../../../electron/pbx/store/pbxStore';
import { migrationContext, tempDir } from './support';

describe('openPbxStore', () => {
  it('creates every part on first start and opens them on the next', async () => {
    const dir = tempDir();
    const first = await openPbxStore(dir, migrationContext());
    expect(Object.values(first.states)).toEqual(Object.keys(STORE_FILES).map(() => 'created'));
    await first.settings.update(() => ({ next: { pinMinLength: 8 }, result: undefined }));
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
