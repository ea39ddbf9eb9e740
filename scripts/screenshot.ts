// Makes the README's screenshots of the phone screen (at every kiosk size), the call controls, the settings screen and
// the management console in Chromium: npm run screenshot
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureRendererBuilt } from '../electron/host/rendererBuild';
import { DEFAULT_RENDERER_DIR, REPO_ROOT, startDeviceServices } from '../electron/host/services';
import { CHROMIUM_ARGS, SYSTEM_CHROMIUM } from '../test/e2e/support/chromium';

/** The kiosk touch screens of the README's "Every kiosk screen" (the geometry test checks the same sizes). */
const SCREENS = [
  { width: 1024, height: 600 },
  { width: 800, height: 1280 },
  { width: 1920, height: 1080 },
];

async function save(page: Page, name: string, fullPage = false): Promise<void> {
  const file = path.join(REPO_ROOT, 'docs', name);
  mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage });
  console.log(`wrote ${path.relative(REPO_ROOT, file)}`);
}

async function openIdle(browser: Browser, origin: string, options: Parameters<Browser['newPage']>[0]): Promise<Page> {
  const page = await browser.newPage(options);
  await page.goto(`${origin}/`);
  await page.getByRole('status', { name: 'Phone display' }).getByText('HD0001').waitFor();
  return page;
}

async function shootPhone(browser: Browser, origin: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    const page = await openIdle(browser, origin, { viewport: { width: 1280, height: 800 }, colorScheme });
    await page.getByRole('textbox', { name: 'Number' }).fill('*77*100*');
    await save(page, `phone-${colorScheme}.png`);
    await page.close();
  }
}

async function shootScreens(browser: Browser, origin: string): Promise<void> {
  for (const viewport of SCREENS) {
    const page = await openIdle(browser, origin, { viewport, colorScheme: 'light' });
    await save(page, `screens/phone-${viewport.width}x${viewport.height}.png`);
    await page.close();
  }
}

/** The settings screen unlocked with the demo admin PIN, a manual SIP account typed in (the password is never shown). */
async function shootSettings(browser: Browser, origin: string): Promise<void> {
  const page = await openIdle(browser, origin, { viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('meter', { name: 'Microphone level' }).waitFor();
  await settings.getByRole('textbox', { name: 'Admin PIN', exact: true }).fill('0000');
  await settings.getByRole('button', { name: 'Unlock' }).click();
  const account = settings.getByRole('form', { name: 'SIP account' });
  await account.getByLabel('WebSocket URL').fill('wss://pbx.example.com:8089/ws');
  await account.getByLabel('SIP URI').fill('sip:2001@example.com');
  await account.getByLabel('Auth user').fill('2001');
  await settings.getByRole('combobox', { name: 'Microphone' }).getByRole('option', { name: 'Fake Audio Input 1' }).waitFor({ state: 'attached' });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await save(page, 'settings.png', true);
  await page.close();
}

async function main(): Promise<void> {
  ensureRendererBuilt(REPO_ROOT, DEFAULT_RENDERER_DIR);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hotdesk-shot-'));
  const services = await startDeviceServices({ dataDir, hostKind: 'web', mode: 'demo', port: 0 });
  const browser = await chromium.launch({ executablePath: SYSTEM_CHROMIUM, args: CHROMIUM_ARGS });
  try {
    await shootPhone(browser, services.origin);
    await callControlsShot(browser, services.origin);
    await shootConsole(browser, services.origin);
    await shootScreens(browser, services.origin);
    await shootSettings(browser, services.origin);
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
