import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page, test as base } from '@playwright/test';
import { openConsole } from '../support/console';
import type { HostProcess } from '../support/hostProcess';
import { openHotDeskPhone } from '../support/hotDeskPhone';
import { ownHostWith } from '../support/ownHost';

const BUNDLED_PROMPTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../assets/prompts');
const ADMIN = { Authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` };

/** The shipped prompt set installed under the PBX's data dir, labelled one version older than required. */
function installOutdatedPrompts(dataDir: string): void {
  const installed = path.join(dataDir, 'pbx', 'prompts');
  cpSync(BUNDLED_PROMPTS, installed, { recursive: true });
  const manifest = JSON.parse(readFileSync(path.join(installed, 'manifest.json'), 'utf8')) as { version: number };
  writeFileSync(path.join(installed, 'manifest.json'), JSON.stringify({ ...manifest, version: manifest.version - 1 }));
}

/** These tests change dial codes, prompts, PINs and logins: a web host of their own, its prompt set outdated. */
const test = base.extend<{ console: Page }, { host: HostProcess }>({
  host: ownHostWith(installOutdatedPrompts),
  baseURL: async ({ host }, use) => use(host.origin),
  console: async ({ browser, host }, use) => {
    const page = await openConsole(browser, host.origin);
    await use(page);
    await page.context().close();
  },
});

async function openPage(console: Page, title: string): Promise<void> {
  await console.getByRole('navigation', { name: 'Console pages' }).getByRole('link', { name: title, exact: true }).click();
  await expect(console.getByRole('heading', { level: 1 })).toHaveText(title);
}

test.describe('console pages', () => {
  test('Dial codes: a code starting with *7 is refused, and the page says which and why', async ({ console }) => {
    await openPage(console, 'Dial codes');
    const voicemail = console.getByRole('textbox', { name: 'Voicemail' });
    await expect(voicemail).toHaveValue('*999');
    await voicemail.fill('*71');
    await console.getByRole('button', { name: 'Save dial codes' }).click();
    const alert = console.getByRole('alert');
    await expect(alert).toContainText('voicemail (*71)');
    await expect(alert).toContainText('reserved for hot desking');
    await expect(voicemail).toHaveAttribute('aria-invalid', 'true');
    await expect(console.getByRole('textbox', { name: 'Call pickup' })).not.toHaveAttribute('aria-invalid', 'true');
    await console.reload();
    await expect(console.getByRole('textbox', { name: 'Voicemail' })).toHaveValue('*999'); // nothing was saved
  });

  test('System prompts: the outdated set shows "Prompt set outdated — Update" and clears after Update', async ({ console }) => {
    await openPage(console, 'System prompts');
    const headline = console.getByRole('heading', { level: 2 });
    await expect(headline).toHaveText('Prompt set outdated — Update');
    await expect(console.getByRole('main')).toContainText('"file not found" in place of every prompt');
    await console.getByRole('button', { name: 'Update' }).click();
    await expect(headline).toHaveText('Prompt set up to date');
    await expect(console.getByRole('status').filter({ hasText: 'installed' })).toHaveText(/^Prompt set version \d+ installed\.$/);
    await expect(console.getByRole('button', { name: 'Update' })).toHaveCount(0);
    await console.reload();
    await expect(console.getByRole('heading', { level: 2 })).toHaveText('Prompt set up to date');
  });

  test('Extensions: PIN reset shows the new PIN once, and the user logs in with it', async ({ console, browser, host, request }) => {
    await openPage(console, 'Extensions');
    await console.getByRole('searchbox', { name: 'Search extensions' }).fill('bob');
    const rows = console.getByRole('table', { name: 'Extensions' }).getByRole('row');
    await expect(rows).toHaveCount(2); // the header and Bob
    await console.getByRole('button', { name: 'Reset PIN of 101 Bob Brown' }).click();
    await console.getByRole('dialog', { name: 'Reset the PIN of 101 Bob Brown?' }).getByRole('button', { name: 'Reset PIN' }).click();
    const reveal = console.getByRole('dialog', { name: 'New PIN for 101 Bob Brown' });
    const shown = reveal.getByRole('status', { name: 'New PIN' });
    await expect(shown).toHaveText(/^[0-9]{6}$/);
    const pin = (await shown.textContent()) ?? '';
    await reveal.getByRole('button', { name: 'Done' }).click();
    await expect(reveal).toHaveCount(0);
    await expect(console.locator('body')).not.toContainText(pin);

    const desk = await openHotDeskPhone(browser, host.origin, '02:00:00:00:00:02', 'HD0002');
    try {
      await desk.logIn('101', pin);
      await expect(desk.display).toContainText('101 Bob Brown');
    } finally {
      await desk.close();
      await request.post(`${host.origin}/api/v1/devices/HD0002/logout`, { headers: ADMIN });
    }
  });

  test('Login history: a login and its logout, filtered by user, and both in the CSV export', async ({ console, browser, host }) => {
    const desk = await openHotDeskPhone(browser, host.origin, '02:00:00:00:00:01', 'HD0001');
    try {
      await desk.logIn('100', '482619');
      await expect(desk.display).toContainText('100 Alice Andrews');
      await desk.button('Logout').click();
      await expect(desk.display).toContainText('Logged out — your history was cleared');
    } finally {
      await desk.close();
    }
    await openPage(console, 'Login history');
    await console.getByRole('combobox', { name: 'User' }).selectOption({ label: '100 Alice Andrews' });
    const table = console.getByRole('table', { name: 'Login history' });
    await expect(table.getByRole('row', { name: /Logout/ })).toContainText('by the user');
    await expect(table.getByRole('row', { name: /Login/ }).first()).toContainText('HD0001');
    await expect(table.getByRole('row')).toHaveCount(3);

    const download = console.waitForEvent('download');
    await console.getByRole('link', { name: 'Export CSV' }).click();
    const csv = readFileSync((await (await download).path()) as string, 'utf8').split('\r\n');
    expect(csv[0]).toBe('id,at,kind,actor,device,extension,mac,detail');
    expect(csv.slice(1, -1).map((line) => line.split(',').slice(2, 6).join(','))).toEqual(['hotdesk.login,100,HD0001,100', 'hotdesk.logout,user,HD0001,100']);
  });
});
