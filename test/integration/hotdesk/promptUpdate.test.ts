import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openPromptLibrary } from '../../../electron/pbx/media/promptSet';
import type { TestPbx } from '../support/pbxServer';
import type { DeskPhone } from './support/deskPhone';
import { ADMIN, ENTER_PIN, startDeskPhone, startHotDeskPbx } from './support/hotDeskRig';
import { firstAudioIs } from './support/promptAudio';

const BUNDLED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../assets/prompts');
const bundled = openPromptLibrary(BUNDLED);
const FILE_NOT_FOUND = bundled.get('file-not-found')?.pcm ?? new Int16Array(0);
const ENTER_PIN_AUDIO = bundled.get('enter-pin')?.pcm ?? new Int16Array(0);

const servers: TestPbx[] = [];
const phones: DeskPhone[] = [];
afterAll(async () => {
  await Promise.all(phones.splice(0).map((phone) => phone.close()));
  await Promise.all(servers.splice(0).map((server) => server.stop()));
});

/** A PBX data dir whose installed prompt set is the bundled one labelled a version older. */
function dataDirWithOutdatedPrompts(): string {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hotdesk-prompts-it-'));
  const installed = path.join(dataDir, 'prompts');
  cpSync(BUNDLED, installed, { recursive: true });
  const manifest = JSON.parse(readFileSync(path.join(installed, 'manifest.json'), 'utf8')) as { version: number };
  writeFileSync(path.join(installed, 'manifest.json'), JSON.stringify({ ...manifest, version: manifest.version - 1 }));
  return dataDir;
}

async function api(server: TestPbx, method: string, route: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${server.origin}/api/v1${route}`, { method, headers: ADMIN });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('System prompts: Update on the real PBX', () => {
  it('an outdated installed set plays "file not found"; Update installs the shipped set, the next call hears the prompt, and it survives a restart', async () => {
    const dataDir = dataDirWithOutdatedPrompts();
    const server = await startHotDeskPbx({ dataDir });
    servers.push(server);
    const required = bundled.version ?? 0;
    expect((await api(server, 'GET', '/prompts')).json).toMatchObject({
      state: 'outdated',
      requiredVersion: required,
      installedVersion: required - 1,
      source: 'installed',
      bundledVersion: required,
      updatable: true,
    });
    const phone = await startDeskPhone(server);
    phones.push(phone);
    const before = await phone.dial('*77*100*');
    expect(await before.nextCaption()).toBe(ENTER_PIN);
    expect(await firstAudioIs(before, FILE_NOT_FOUND)).toBe(true);
    await before.hangUp();

    const updated = await api(server, 'POST', '/prompts/update');
    expect(updated).toMatchObject({ status: 200, json: { state: 'current', installedVersion: required, source: 'installed', updatable: false, problems: [] } });
    const after = await phone.dial('*77*100*');
    expect(await after.nextCaption()).toBe(ENTER_PIN);
    expect(await firstAudioIs(after, ENTER_PIN_AUDIO)).toBe(true);
    await after.hangUp();
    expect(server.pbx.hotDesk.audit.list({ kinds: ['prompts.updated'] })).toMatchObject([
      { actor: 'admin', detail: `version ${required} installed (was ${required - 1}, outdated)` },
    ]);

    phones.splice(phones.indexOf(phone), 1);
    await phone.close();
    await server.stop();
    servers.splice(servers.indexOf(server), 1);
    const again = await startHotDeskPbx({ dataDir });
    servers.push(again);
    expect((await api(again, 'GET', '/prompts')).json).toMatchObject({ state: 'current', installedVersion: required, source: 'installed' });
  });
});
