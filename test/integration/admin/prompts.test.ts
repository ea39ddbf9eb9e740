import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROMPT_SET_VERSION } from '../../../electron/pbx/media/promptCatalog';
import { ADMIN, BUNDLED_PROMPTS_DIR, startApiServer, type ApiServer } from './support/apiServer';
import { EventStreamClient } from './support/eventStreamClient';

let server: ApiServer;
afterEach(async () => server?.stop());

/** Installs the bundled set in `dir` with a version one lower than required. */
function installOutdated(dir: string): void {
  cpSync(BUNDLED_PROMPTS_DIR, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { version: number };
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ ...manifest, version: manifest.version - 1 }));
}

describe('admin API: system prompts', () => {
  it('reports the bundled set as current while none is installed', async () => {
    server = await startApiServer();
    expect((await server.request('GET', '/api/v1/prompts')).json).toEqual({
      state: 'current',
      requiredVersion: PROMPT_SET_VERSION,
      installedVersion: PROMPT_SET_VERSION,
      source: 'bundled',
      bundledVersion: PROMPT_SET_VERSION,
      updatable: false,
      missing: [],
      problems: [],
    });
  });

  it('shows an outdated installed set, updates it, and pushes prompts.updated with the new state', async () => {
    server = await startApiServer({ prepareInstalledPrompts: installOutdated });
    const before = await server.request('GET', '/api/v1/prompts');
    expect(before.json).toMatchObject({
      state: 'outdated',
      installedVersion: PROMPT_SET_VERSION - 1,
      source: 'installed',
      updatable: true,
      problems: [`manifest.json: version ${PROMPT_SET_VERSION - 1} is older than the required version ${PROMPT_SET_VERSION}`],
    });
    const stream = await EventStreamClient.open(`${server.origin}/api/v1/events`, ADMIN);
    await stream.until(() => stream.comments.includes('connected'));
    expect((await server.request('POST', '/api/v1/prompts/update', { headers: { Origin: 'http://evil.example' } })).status).toBe(403);
    const updated = await server.request('POST', '/api/v1/prompts/update');
    expect(updated.status).toBe(200);
    expect(updated.json).toMatchObject({ state: 'current', installedVersion: PROMPT_SET_VERSION, source: 'installed', updatable: false });
    await stream.until(() => stream.events.some((event) => event.event === 'prompts.updated'));
    expect(stream.events.find((event) => event.event === 'prompts.updated')?.data).toMatchObject({ type: 'prompts.updated', item: { state: 'current' } });
    stream.close();
    expect(server.prompts.resolvePrompt('enter-pin')).toMatchObject({ played: 'enter-pin', fallback: null });
    expect(server.hotDesk.audit.list({ kinds: ['prompts.updated'] })).toMatchObject([{ actor: 'admin', detail: `version ${PROMPT_SET_VERSION} installed (was ${PROMPT_SET_VERSION - 1}, outdated)` }]);
  });
});
