import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test as base, type Page } from '@playwright/test';
import { startHostProcess, type HostProcess } from '../support/hostProcess';
import { openHotDeskPhone, PIN_PROMPT, type HotDeskPhone } from '../support/hotDeskPhone';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const ADMIN = { Authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` };
const HD0001 = { mac: '02:00:00:00:00:01', name: 'HD0001' };
const HD0002 = { mac: '02:00:00:00:00:02', name: 'HD0002' };
const ALICE = { extension: '100', pin: '482619', headline: '100 Alice Andrews' };
const BOB = { extension: '101', pin: '739104', headline: '101 Bob Brown' };
const RECEIPT = 'Logged out — your history was cleared';

/**
 * Logins change who the demo devices are, which the other specs expect idle: these tests run against a web host (and
 * PBX) of their own, one per worker, and every test leaves all devices logged out.
 */
type Device = { mac: string; name: string };
const test = base.extend<{ phone: (device: Device, beforeLoad?: (page: Page) => Promise<void>) => Promise<HotDeskPhone> }, { host: HostProcess }>({
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
  phone: async ({ browser, host, request }, use) => {
    const opened: HotDeskPhone[] = [];
    await use(async (device, beforeLoad) => {
      const phone = await openHotDeskPhone(browser, host.origin, device.mac, device.name, beforeLoad);
      opened.push(phone);
      return phone;
    });
    for (const phone of opened) await phone.close();
    for (const device of [HD0001, HD0002]) await request.post(`${host.origin}/api/v1/devices/${device.name}/logout`, { headers: ADMIN });
  },
});

test.describe('hot desking on the phone screen', () => {
  test('log in with *77*100* and the PIN: captions, dots for the PIN, then the user and their keys', async ({ phone }) => {
    const desk = await phone(HD0001);
    await desk.number.fill('*77*100*');
    await desk.button('Call').click();
    await expect(desk.display).toContainText(PIN_PROMPT, { timeout: 10_000 });
    await desk.key(ALICE.pin);
    await expect(desk.display).toContainText('••••••');
    await expect(desk.display).not.toContainText(ALICE.pin);
    await expect(desk.number).not.toHaveValue(new RegExp(ALICE.pin));
    await desk.key('#');

    await expect(desk.display).toContainText(ALICE.headline);
    await expect(desk.display).toContainText('Registered');
    await expect(desk.page.getByRole('timer', { name: 'Call duration' })).toHaveCount(0); // the IVR call is over
    expect(await desk.keyNames()).toEqual(['Logout', 'Bob Brown', 'Carol Chen', 'Reception', 'Dan Diaz']);
    await expect(desk.blfKeys.getByRole('button').first()).toHaveAccessibleName('Logout');
    await expect(desk.button('Logout')).toBeEnabled();
  });

  test('roaming to 101, then the Logout key: back to HD0001 with the receipt, the Logout key disabled', async ({ phone }) => {
    const desk = await phone(HD0001);
    await desk.logIn(ALICE.extension, ALICE.pin);
    await expect(desk.display).toContainText(ALICE.headline);

    await desk.logIn(BOB.extension, BOB.pin);
    await expect(desk.display).toContainText(BOB.headline);
    await expect(desk.display).toContainText(RECEIPT);
    await expect(desk.display).toContainText('Registered');

    await desk.button('Logout').click();
    await expect(desk.display).toContainText(HD0001.name);
    await expect(desk.display).toContainText(RECEIPT);
    await expect(desk.display).not.toContainText(BOB.headline);
    expect(await desk.keyNames()).toEqual(['Logout']);
    await expect(desk.button('Logout')).toBeDisabled();
    await expect(desk.display).toContainText('Registered');
  });

  test('*77*5* logs out through the PBX', async ({ phone }) => {
    const desk = await phone(HD0001);
    await desk.logIn(ALICE.extension, ALICE.pin);
    await expect(desk.display).toContainText(ALICE.headline);
    await desk.number.fill('*77*5*');
    await desk.button('Call').click();
    await expect(desk.display).toContainText(HD0001.name);
    await expect(desk.display).toContainText(RECEIPT);
  });

  test('logging Alice in on HD0002 returns HD0001 to idle', async ({ phone }) => {
    const first = await phone(HD0001);
    await first.logIn(ALICE.extension, ALICE.pin);
    await expect(first.display).toContainText(ALICE.headline);
    const second = await phone(HD0002);
    await second.logIn(ALICE.extension, ALICE.pin);
    await expect(second.display).toContainText(ALICE.headline);
    await expect(first.display).toContainText(HD0001.name);
    await expect(first.display).not.toContainText(ALICE.headline);
    await expect(first.display).toContainText(RECEIPT);
  });

  test('three wrong PINs end the call', async ({ phone }) => {
    const desk = await phone(HD0001);
    // Dan's extension: wrong PINs count towards a lockout of the extension, which the other tests must not meet.
    await desk.number.fill('*77*103*');
    await desk.button('Call').click();
    await expect(desk.display).toContainText(PIN_PROMPT, { timeout: 10_000 });
    for (let attempt = 1; attempt <= 2; attempt++) {
      await desk.key('111111#');
      await expect(desk.display).toContainText('Wrong PIN — try again');
      await expect(desk.display).not.toContainText('•'); // the dots start over at the new prompt
    }
    await desk.key('111111#');
    await expect(desk.display).toContainText('Too many wrong PINs — goodbye');
    await expect(desk.page.getByRole('timer', { name: 'Call duration' })).toHaveCount(0);
    await expect(desk.display).toContainText(HD0001.name);
    await expect(desk.button('Logout')).toBeDisabled();
  });

  test("the admin's logout returns a logged-in page to idle", async ({ phone, request, host }) => {
    const desk = await phone(HD0001);
    await desk.logIn(ALICE.extension, ALICE.pin);
    await expect(desk.display).toContainText(ALICE.headline);
    const response = await request.post(`${host.origin}/api/v1/devices/HD0001/logout`, { headers: ADMIN });
    expect(response.ok()).toBe(true);
    await expect(desk.display).toContainText(HD0001.name);
    await expect(desk.display).toContainText(RECEIPT);
    await expect(desk.display).toContainText('Registered');
  });

  test('auto-logout after the idle minutes: a warning with "Stay logged in" first, then the logout', async ({ phone, request, host }) => {
    const patchTimers = (idleMinutes: number | null) =>
      request.patch(`${host.origin}/api/v1/devices/HD0001`, { headers: ADMIN, data: { options: { autoLogout: { idleMinutes } } } });
    expect((await patchTimers(2)).ok()).toBe(true);
    try {
      // The page's clock moves on when the test says so (the PBX's stays real).
      const desk = await phone(HD0001, (page) => page.clock.install());
      await desk.logIn(ALICE.extension, ALICE.pin);
      await expect(desk.display).toContainText(ALICE.headline);
      const warning = desk.page.getByRole('alert');
      await expect(warning).toHaveCount(0);

      await desk.page.clock.runFor('01:01');
      await expect(warning).toContainText('Logging out in');
      await expect(warning).toContainText('not used for a while');
      // By keyboard: Playwright's mouse clicks do not reach a page whose clock it has taken over.
      await warning.getByRole('button', { name: 'Stay logged in' }).press('Enter');
      await expect(warning).toHaveCount(0);
      await expect(desk.display).toContainText(ALICE.headline);

      await desk.page.clock.runFor('01:01');
      await expect(warning).toBeVisible();
      await desk.page.clock.runFor('01:00');
      await expect(desk.display).toContainText(HD0001.name);
      await expect(desk.display).toContainText(RECEIPT);
      await expect(warning).toHaveCount(0);
      const audit = await request.get(`${host.origin}/api/v1/audit?device=HD0001&kind=hotdesk.logout`, { headers: ADMIN });
      const { events } = (await audit.json()) as { events: Array<{ actor: string }> };
      expect(events.at(-1)?.actor).toBe('auto');
    } finally {
      await patchTimers(null);
    }
  });

  test("recent calls and redial are the user's alone: gone after the logout", async ({ phone }) => {
    const desk = await phone(HD0001);
    await desk.logIn(ALICE.extension, ALICE.pin);
    await expect(desk.display).toContainText(ALICE.headline);
    await desk.number.fill('201'); // the busy line answers 486
    await desk.button('Call').click();
    await expect(desk.display).toContainText('Busy');
    const recent = desk.page.getByRole('region', { name: 'Recent calls' });
    await expect(recent).toContainText('201');
    await expect(desk.button('Redial')).toBeVisible();

    await desk.button('Logout').click();
    await expect(desk.display).toContainText(RECEIPT);
    await expect(recent).toHaveCount(0);
    await expect(desk.button('Redial')).toHaveCount(0);
    await expect(desk.number).toHaveValue('');
  });
});
