import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, SYSTEM_CHROMIUM } from './test/e2e/support/chromium';

const port = Number(process.env.HOTDESK_E2E_PORT ?? 5199);
// The config is loaded by the runner and again by each worker: make the data dir once and hand it down.
process.env.HOTDESK_E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), 'hotdesk-e2e-'));

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    launchOptions: { executablePath: SYSTEM_CHROMIUM, args: CHROMIUM_ARGS },
  },
  projects: [
    { name: 'web', testDir: 'test/e2e/web' },
    { name: 'electron', testDir: 'test/e2e/electron' },
  ],
  webServer: {
    command: `node --import tsx electron/host/cli.ts --port ${port} --mode demo --data-dir ${process.env.HOTDESK_E2E_DATA_DIR}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    stdout: 'pipe',
    timeout: 60_000,
  },
});
