import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test as base } from '@playwright/test';
import { startHostProcess, type HostProcess } from '../support/hostProcess';
import { misfits } from '../support/screenFit';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The kiosk touch screens the phone screen must fit: landscape and portrait. */
const SCREENS = [
  { width: 1024, height: 600 },
  { width: 1280, height: 800 },
  { width: 800, height: 1280 },
  { width: 1920, height: 1080 },
];

// A call from a demo extension's page: its own host, so the other specs' PBX never sees it.
const test = base.extend<object, { host: HostProcess }>({
  host: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const host = await startHostProcess(REPO_ROOT, 0);
      await use(host);
      await host.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  baseURL: async ({ host }, use) => use(host.origin),
});

test.describe('every kiosk screen', () => {
  for (const screen of SCREENS) {
    test(`${screen.width}×${screen.height}: idle, and in a call with its keys, nothing is cut off, scrolls or wraps`, async ({ browser, baseURL }, testInfo) => {
      const context = await browser.newContext({ baseURL, viewport: screen });
      const page = await context.newPage();
      await page.goto('/');
      const display = page.getByRole('status', { name: 'Phone display' });
      await expect(display).toContainText('Registered', { timeout: 10_000 });
      await page.screenshot({ path: testInfo.outputPath(`idle-${screen.width}x${screen.height}.png`) });
      expect(await misfits(page)).toEqual([]);

      await page.goto('/?account=101');
      await expect(display).toContainText('Registered', { timeout: 10_000 });
      await page.getByRole('textbox', { name: 'Number' }).fill('200');
      await page.getByRole('button', { name: 'Call', exact: true }).click();
      await expect(page.getByRole('button', { name: 'Hold' })).toBeVisible({ timeout: 10_000 });
      await page.screenshot({ path: testInfo.outputPath(`call-${screen.width}x${screen.height}.png`) });
      expect(await misfits(page)).toEqual([]);
      await page.getByRole('button', { name: 'Hang up' }).click();
      await context.close();
    });
  }
});
