import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test as base, type Locator } from '@playwright/test';
import type { BlfPosition } from '../../../shared/domain/blfLayout';
import { DEMO_ALICE_BLF } from '../../../shared/domain/demoSeed';
import { startHostProcess, type HostProcess } from '../support/hostProcess';
import { openHotDeskPhone, type HotDeskPhone } from '../support/hotDeskPhone';
import { openSoftphone, type Softphone } from '../support/softphone';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const ADMIN = { Authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` };
const ALICE = { extension: '100', pin: '482619', headline: '100 Alice Andrews' };

/**
 * BLF keys on a hot-desk device Alice is logged in on (the softphone's lamps and presses are in blf.spec.ts). The
 * login and the administrator's edit of her positions change shared PBX state: a web host of its own, per worker.
 */
const test = base.extend<{ alice: HotDeskPhone; softphone: (extension: string) => Promise<Softphone> }, { host: HostProcess }>({
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
  alice: async ({ browser, host, request }, use) => {
    const desk = await openHotDeskPhone(browser, host.origin, '02:00:00:00:00:01', 'HD0001');
    await desk.logIn(ALICE.extension, ALICE.pin);
    await expect(desk.display).toContainText(ALICE.headline);
    await use(desk);
    await desk.close();
    await request.post(`${host.origin}/api/v1/devices/HD0001/logout`, { headers: ADMIN });
    await request.patch(`${host.origin}/api/v1/extensions/${ALICE.extension}`, { headers: ADMIN, data: { blf: DEMO_ALICE_BLF } });
  },
  softphone: async ({ browser, host }, use) => {
    const opened: Softphone[] = [];
    await use(async (extension) => {
      const phone = await openSoftphone(browser, host.origin, extension);
      opened.push(phone);
      return phone;
    });
    await Promise.all(opened.map((phone) => phone.close()));
  },
});

function key(desk: HotDeskPhone, name: string): Locator {
  return desk.blfKeys.getByRole('button', { name, exact: true });
}

async function expectState(blfKey: Locator, state: string, description: string): Promise<void> {
  await expect(blfKey).toHaveAttribute('data-state', state);
  await expect(blfKey).toHaveAccessibleDescription(description);
}

test.describe('BLF keys on a logged-in hot-desk device', () => {
  test("Alice's lamps follow Bob's call to Carol; her keys call Bob and pick up a ringing call", async ({ alice, softphone }) => {
    const bob = await softphone('101');
    const carol = await softphone('102');
    const carolKey = key(alice, 'Carol Chen');
    await expectState(carolKey, 'idle', 'Available');

    await bob.dial('102');
    await expect(carol.button('Answer')).toBeVisible();
    await expectState(carolKey, 'ringing', 'Ringing');
    await carol.button('Answer').click();
    await expectState(carolKey, 'busy', 'Busy');
    await bob.button('Hang up').click();
    await expectState(carolKey, 'idle', 'Available');

    await key(alice, 'Bob Brown').click();
    await expect(bob.button('Answer')).toBeVisible();
    await expect(bob.display).toContainText(ALICE.headline);
    await bob.button('Decline').click();
    await expectState(key(alice, 'Bob Brown'), 'idle', 'Available');

    await bob.dial('102');
    await expectState(carolKey, 'ringing', 'Ringing');
    await carolKey.click();
    for (const phone of [alice, bob]) await expect(phone.display.getByRole('timer', { name: 'Call duration' })).toHaveText(/^\d{2}:\d{2}$/);
    await expect(alice.display).toContainText('101 Bob Brown');
    await expect(carol.button('Answer')).toHaveCount(0);
    await bob.button('Hang up').click();
    await expect(alice.display.getByRole('timer', { name: 'Call duration' })).toHaveCount(0);
  });

  test("the administrator's edit of her positions redraws the keys at once; more keys than a page get a page switcher", async ({ alice, softphone, request, host }) => {
    const carol = await softphone('102');
    const positions: BlfPosition[] = [
      { type: 'blf', extension: '102', label: 'Carol Chen' },
      ...['201', '202', '203', '204', '205'].map((number) => ({ type: 'speed-dial' as const, number, label: `Speed ${number}` })),
      { type: 'blf', extension: '105', label: 'Frank Foster' },
    ];
    const patched = await request.patch(`${host.origin}/api/v1/extensions/${ALICE.extension}`, { headers: ADMIN, data: { blf: positions } });
    expect(patched.ok()).toBe(true);

    // Device Options give 6 keys per page: Logout and five of hers, then the other two on page 2.
    await expect(alice.blfKeys.getByRole('button', { name: /Speed 201/ })).toBeVisible();
    expect(await alice.keyNames()).toEqual(['Logout', 'Carol Chen', 'Speed 201', 'Speed 202', 'Speed 203', 'Speed 204', 'Previous BLF page', 'Next BLF page']);
    await expect(alice.page.getByRole('button', { name: 'Previous BLF page' })).toBeDisabled();
    await expect(alice.display).toContainText(ALICE.headline); // no reload, no new login
    await expectState(key(alice, 'Carol Chen'), 'idle', 'Available');

    await alice.page.getByRole('button', { name: 'Next BLF page' }).click();
    await expect(alice.blfKeys).toContainText('Page 2 of 2');
    expect(await alice.keyNames()).toEqual(['Speed 205', 'Frank Foster', 'Previous BLF page', 'Next BLF page']);
    await expect(alice.page.getByRole('button', { name: 'Next BLF page' })).toBeDisabled();
    await expectState(key(alice, 'Frank Foster'), 'offline', 'Offline'); // nobody registered as 105
    await alice.page.getByRole('button', { name: 'Previous BLF page' }).click();
    await expect(alice.blfKeys).toContainText('Page 1 of 2');
    await carol.close(); // her lamp on page 1 follows the new subscription
    await expectState(key(alice, 'Carol Chen'), 'offline', 'Offline');
  });
});
