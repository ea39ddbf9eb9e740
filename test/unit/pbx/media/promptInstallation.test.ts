import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROMPT_SET_VERSION } from '../../../../electron/pbx/media/promptCatalog';
import { PromptInstallation, PromptUpdateError } from '../../../../electron/pbx/media/promptInstallation';

const bundled = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../assets/prompts');

let root: string;
let installedDir: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'hotdesk-install-'));
  installedDir = path.join(root, 'pbx', 'prompts');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A copy of the bundled set at `dir`, its manifest edited. */
function copyOfBundled(dir: string, edit: (manifest: { version: number }) => void = () => undefined): string {
  cpSync(bundled, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { version: number };
  edit(manifest);
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

describe('the installed prompt set and Update', () => {
  it('plays the bundled set while none is installed, and reports it current', () => {
    const prompts = new PromptInstallation({ bundledDir: bundled, installedDir });
    expect(prompts.describe()).toEqual({
      state: 'current', requiredVersion: PROMPT_SET_VERSION, installedVersion: PROMPT_SET_VERSION, source: 'bundled',
      bundledVersion: PROMPT_SET_VERSION, updatable: false, missing: [], problems: [],
    });
    expect(prompts.resolvePrompt('goodbye')).toMatchObject({ played: 'goodbye', fallback: null });
  });

  it('replaces an outdated installed set with the bundled one; the same object plays the new set at once', async () => {
    copyOfBundled(installedDir, (manifest) => (manifest.version -= 1));
    const prompts = new PromptInstallation({ bundledDir: bundled, installedDir });
    expect(prompts.describe()).toMatchObject({ state: 'outdated', installedVersion: PROMPT_SET_VERSION - 1, source: 'installed', updatable: true });
    expect(prompts.resolvePrompt('goodbye')).toMatchObject({ played: 'file-not-found', fallback: 'outdated' });
    mkdirSync(`${installedDir}.new-leftover`); // an update interrupted earlier

    const [first, second] = await Promise.all([prompts.update(), prompts.update()]);
    expect(first).toMatchObject({ state: 'current', installedVersion: PROMPT_SET_VERSION, source: 'installed', updatable: false });
    expect(second).toEqual(first);
    expect(prompts.resolvePrompt('goodbye')).toMatchObject({ played: 'goodbye', fallback: null });
    expect(readdirSync(path.dirname(installedDir))).toEqual(['prompts']);
    expect(new PromptInstallation({ bundledDir: bundled, installedDir }).describe().state).toBe('current');
  });

  it('repairs an installed set with a missing file (damaged)', async () => {
    copyOfBundled(installedDir);
    unlinkSync(path.join(installedDir, 'en', 'enter-pin.wav'));
    const prompts = new PromptInstallation({ bundledDir: bundled, installedDir });
    expect(prompts.describe()).toMatchObject({ state: 'damaged', missing: ['enter-pin'], problems: ['en/enter-pin.wav: file not found'], updatable: true });
    expect((await prompts.update()).state).toBe('current');
    expect(existsSync(path.join(installedDir, 'en', 'enter-pin.wav'))).toBe(true);
  });

  it('refuses to install a bundled set that is itself outdated, and leaves the installed one as it was', async () => {
    const oldBundle = copyOfBundled(path.join(root, 'old-bundle'), (manifest) => (manifest.version -= 1));
    copyOfBundled(installedDir, (manifest) => (manifest.version -= 1));
    const before = readFileSync(path.join(installedDir, 'manifest.json'), 'utf8');
    const prompts = new PromptInstallation({ bundledDir: oldBundle, installedDir });
    expect(prompts.describe()).toMatchObject({ state: 'outdated', bundledVersion: PROMPT_SET_VERSION - 1, updatable: false });
    await expect(prompts.update()).rejects.toThrow(PromptUpdateError);
    await expect(prompts.update()).rejects.toThrow(/shipped with this PBX cannot be installed: manifest.json: version \d+ is older/);
    expect(readFileSync(path.join(installedDir, 'manifest.json'), 'utf8')).toBe(before);
    expect(readdirSync(path.dirname(installedDir))).toEqual(['prompts']);
  });
});
