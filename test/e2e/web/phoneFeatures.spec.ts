import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test as base } from '@playwright/test';
import { startHostProcess, type HostProcess } from '../support/hostProcess';
import { openHotDeskPhone } from '../support/hotDeskPhone';
import { openSoftphone, type Softphone } from '../support/softphone';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const ADMIN = { Authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` };
const HD0001 = { mac: '02:00:00:00:00:01', name: 'HD0001' };
const ALICE = { extension: '100', pin: '482619', headline: '100 Alice Andrews' };
const RECEIPT = 'Logged out — your history was cleared';

/**
 * Redial, recent calls, Do not disturb and the directory change what the device host keeps (and log users in): they
 * run against a web host of their own, one per worker.
 */
const test = base.extend<{ softphone: (extension: string) => Promise<Softphone> }, { host: HostProcess }>({
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
  softphone: async ({ browser, host }, use) => {
    const opened: Softphone[] = [];
    await use(async (extension) => {
      const phone = await openSoftphone(browser, host.origin, extension);
      opened.push(phone);
      return phone;
    });
    for (const phone of opened) await phone.close();
  },
});

test.describe('a desk phone’s own memory', () => {
  test('redial, and recent calls that survive a reload but not the logout', async ({ browser, host, request }) => {
    const desk = await openHotDeskPhone(browser, host.origin, HD0001.mac, HD0001.name);
    try {
      await desk.logIn(ALICE.extension, ALICE.pin);
      await expect(desk.display).toContainText(ALICE.headline);
      const recent = desk.page.getByRole('region', { name: 'Recent calls' });
      await desk.number.fill('201'); // the busy line answers 486
      await desk.button('Call').click();
      await expect(desk.display).toContainText('Busy');
      await expect(recent.getByRole('listitem')).toHaveCount(1);
      // Call on an empty Number box redials; so does Redial.
      await desk.number.fill('');
      await desk.button('Call').click();
      await expect(recent.getByRole('listitem')).toHaveCount(2);
      await desk.button('Redial').click();
      await expect(recent.getByRole('listitem')).toHaveCount(3);
      await expect(recent.getByRole('listitem').first()).toContainText('To 201 (no answer)');

      await desk.page.reload();
      await expect(desk.display).toContainText(ALICE.headline);
      await expect(recent.getByRole('listitem')).toHaveCount(3);
      await expect(desk.button('Redial')).toBeVisible();

      await desk.button('Logout').click();
      await expect(desk.display).toContainText(RECEIPT);
      await expect(recent).toHaveCount(0);
      // Nothing of it comes back: not after a reload, not when the same user logs in again.
      await desk.page.reload();
      await expect(desk.display).toContainText(HD0001.name);
      await desk.logIn(ALICE.extension, ALICE.pin);
      await expect(desk.display).toContainText(ALICE.headline);
      await expect(recent).toHaveCount(0);
      await expect(desk.button('Redial')).toHaveCount(0);
    } finally {
      await desk.close();
      await request.post(`${host.origin}/api/v1/devices/${HD0001.name}/logout`, { headers: ADMIN });
    }
  });

  test('Do not disturb refuses a call with its reason and lists it as missed until looked at', async ({ softphone }) => {
    const bob = await softphone('101');
    const carol = await softphone('102');
    const dnd = carol.page.getByRole('button', { name: 'Do not disturb' });
    await expect(dnd).toHaveAttribute('aria-pressed', 'false');
    await dnd.click();
    await expect(dnd).toHaveAttribute('aria-pressed', 'true');
    await expect(carol.display).toContainText('Do not disturb');

    await bob.dial('102');
    await expect(bob.display).toContainText('Do Not Disturb');
    await expect(carol.display).toContainText('1 missed call');
    await expect(carol.display).not.toContainText('Incoming call');
    await expect(carol.page.getByRole('region', { name: 'Recent calls' })).toContainText('Missed: 101 Bob Brown');

    await carol.button('All recent calls (1 missed)').click();
    await expect(carol.display).not.toContainText('missed call');
    // Do not disturb is the identity's, kept by the device host: still on after a reload.
    await carol.page.reload();
    await expect(carol.display).toContainText('Do not disturb');
    await dnd.click();
    await expect(dnd).toHaveAttribute('aria-pressed', 'false');
  });

  test('the directory finds a colleague as you type and calls them', async ({ softphone }) => {
    const bob = await softphone('101');
    const dan = await softphone('103');
    await bob.page.getByRole('searchbox', { name: 'Search the directory' }).fill('di');
    const result = bob.page.getByRole('button', { name: 'Call 103 Dan Diaz' });
    await expect(result).toBeVisible();
    await result.click();
    await expect(dan.display).toContainText('Incoming call');
    await expect(dan.display).toContainText('101 Bob Brown');
    await bob.button('Hang up').click();
    await expect(dan.display).not.toContainText('Incoming call');
  });
});

test('a wrong SIP password says so, not "No service"', async ({ browser }) => {
  const port = Number(process.env.HOTDESK_E2E_PORT ?? 5199) + 1000;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hotdesk-e2e-wrong-password-'));
  const account = { webSocketUrl: `ws://127.0.0.1:${port}/sip`, uri: 'sip:101@hotdesk.local', authUser: '101', password: 'not-sip-101', displayName: 'Bob Brown' };
  writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ mode: 'demo', sipAccount: account }), { mode: 0o600 });
  const host = await startHostProcess(REPO_ROOT, port, dataDir);
  const context = await browser.newContext({ baseURL: host.origin });
  try {
    const page = await context.newPage();
    await page.goto('/');
    const display = page.getByRole('status', { name: 'Phone display' });
    await expect(display).toContainText('Registration failed — check the SIP user and password (401', { timeout: 10_000 });
    await expect(display).not.toContainText('No service');
    // The directory belongs to the phone system of a provisioned identity: a manual account shows none.
    await expect(page.getByRole('searchbox', { name: 'Search the directory' })).toHaveCount(0);
  } finally {
    await context.close();
    await host.stop();
  }
});
