import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkerFixture } from '@playwright/test';
import { startHostProcess, type HostProcess } from './hostProcess';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

type HostFixture = [WorkerFixture<HostProcess, object>, { scope: 'worker'; timeout: number }];

/**
 * A web host (and PBX) of a spec's own, one per worker, started on a fresh data dir that `prepare` may fill first
 * (e.g. an outdated prompt set under `pbx/prompts`).
 */
export function ownHostWith(prepare: (dataDir: string) => void): HostFixture {
  return [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'hotdesk-e2e-own-'));
      prepare(dataDir);
      const host = await startHostProcess(REPO_ROOT, 0, dataDir);
      await use(host);
      await host.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ];
}

/**
 * A web host (and PBX) of a spec's own, one per worker, for specs that change shared PBX state (logins, devices,
 * settings): `base.extend<…, { host: HostProcess }>({ host: ownHost, baseURL: async ({ host }, use) => use(host.origin) })`.
 */
export const ownHost: HostFixture = ownHostWith(() => undefined);
