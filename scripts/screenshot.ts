// Makes the README's screenshots of the phone screen, the call controls and the management console in Chromium: npm run screenshot
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureRendererBuilt } from '../electron/host/rendererBuild';
import { DEFAULT_RENDERER_DIR, REPO_ROOT, startDeviceServices } from '../electron/host/services';
import { CHROMIUM_ARGS, SYSTEM_CHROMIUM } from '../test/e2e/support/chromium';

async function main(): Promise<void> {
  ensureRendererBuilt(REPO_ROOT, DEFAULT_RENDERER_DIR);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hotdesk-shot-'));
  const services = await startDeviceServices({ dataDir, hostKind: 'web', mode: 'demo', port: 0 });
  const browser = await chromium.launch({ executablePath: SYSTEM_CHROMIUM, args: CHROMIUM_ARGS });
  try {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme });
      await page.goto(`${services.origin}/`);
      await page.getByRole('status', { name: 'Phone display' }).getByText('HD0001').waitFor();
      await page.getByRole('textbox', { name: 'Number' }).fill('*77*100*');
      const file = path.join(REPO_ROOT, 'docs', `phone-${colorScheme}.png`);
      await page.screenshot({ path: file });
      console.log(`wrote ${path.relative(REPO_ROOT, file)}`);
      await page.close();
    }
    await callControlsShot(browser, services.origin);
    await shootConsole(browser, services.origin);
  } finally {
    await browser.close();
    await services.stop();
  }
}

/** Erin (104) in a call with Frank (105) while Dan (103) waits: the call controls with a waiting call. */
async function callControlsShot(browser: Browser, origin: string): Promise<void> {
  const open = async (extension: string) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
    await page.goto(`${origin}/?account=${extension}`);
    await page.getByRole('status', { name: 'Phone display' }).getByText('Registered').waitFor();
    return page;
  };
  const dial = async (page: Page, number: string) => {
    await page.getByRole('textbox', { name: 'Number' }).fill(number);
    await page.getByRole('button', { name: 'Call', exact: true }).click();
  };
  const [frank, erin, dan] = [await open('105'), await open('104'), await open('103')];
  await dial(frank, '104');
  await erin.getByRole('button', { name: 'Answer', exact: true }).click();
  await erin.getByRole('timer', { name: 'Call duration' }).waitFor();
  await dial(dan, '104');
  await erin.getByRole('region', { name: 'Waiting call' }).waitFor();
  const file = path.join(REPO_ROOT, 'docs', 'phone-call-waiting.png');
  await erin.screenshot({ path: file });
  console.log(`wrote ${path.relative(REPO_ROOT, file)}`);
  for (const page of [frank, erin, dan]) await page.close();
}

/** The Hot desking page with Alice logged in on HD0002 and HD0001 idle: docs/console-hot-desking.png. */
async function shootConsole(browser: Browser, origin: string): Promise<void> {
  const kiosk = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await kiosk.goto(`${origin}/`);
  await kiosk.getByRole('status', { name: 'Phone display' }).filter({ hasText: 'Registered' }).waitFor();
  const desk = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await desk.goto(`${origin}/?mac=02:00:00:00:00:02`);
  const display = desk.getByRole('status', { name: 'Phone display' });
  await display.filter({ hasText: 'Registered' }).waitFor({ timeout: 10_000 });
  await desk.getByRole('textbox', { name: 'Number' }).fill('*77*100*');
  await desk.getByRole('button', { name: 'Call', exact: true }).click();
  await display.filter({ hasText: 'Enter your PIN, then press #' }).waitFor({ timeout: 10_000 });
  for (const key of '482619#') await desk.getByRole('button', { name: key, exact: true }).click();
  await display.filter({ hasText: '100 Alice Andrews' }).waitFor({ timeout: 10_000 });

  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
  await page.goto(`${origin}/admin`);
  await page.getByLabel('User name').fill('admin');
  await page.getByLabel('Password').fill('admin');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const table = page.getByRole('table', { name: 'Hot desking devices' });
  await table.getByRole('row', { name: /HD0002/ }).filter({ hasText: 'Logged in as 100 Alice Andrews' }).waitFor();
  await table.getByRole('row', { name: /HD0001/ }).filter({ hasText: 'Idle' }).waitFor();
  await page.getByRole('status', { name: 'Live updates', exact: true }).filter({ hasText: /^Live$/ }).waitFor();
  const file = path.join(REPO_ROOT, 'docs', 'console-hot-desking.png');
  await page.screenshot({ path: file });
  console.log(`wrote ${path.relative(REPO_ROOT, file)}`);
  for (const opened of [page, desk, kiosk]) await opened.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
