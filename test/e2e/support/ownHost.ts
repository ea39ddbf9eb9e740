import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkerFixture } from '@playwright/test';
import { startHostProcess, type HostProcess } from './hostProcess';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * A web host (and PBX) of a spec's own, one per worker, for specs that change shared PBX state (logins, devices,
 * settings): `base.extend<…, { host: HostProcess }>({ host: ownHost, baseURL: async ({ host }, use) => use(host.origin) })`.
 */
export const ownHost: [WorkerFixture<HostProcess, object>, { scope: 'worker'; timeout: number }] = [
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  async ({}, use) => {
    const host = await startHostProcess(REPO_ROOT, 0);
    await use(host);
    await host.stop();
  },
  { scope: 'worker', timeout: 60_000 },
];
