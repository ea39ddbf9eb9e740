import { expect, test as base } from '@playwright/test';
import { openConsole } from '../support/console';
import type { HostProcess } from '../support/hostProcess';
import { openHotDeskPhone } from '../support/hotDeskPhone';
import { ownHost } from '../support/ownHost';
const ADMIN = { Authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` };

/** The console changes who is logged in where and adds devices: a web host (and PBX) of its own per worker. */
const test = base.extend<object, { host: HostProcess }>({
  host: ownHost,
  baseURL: async ({ host }, use) => use(host.origin),
});

test.describe('management console', () => {
  test('sign in: a wrong password is refused, the right one opens the Hot desking page; Sign out ends the session', async ({ page }) => {
    await page.goto('/admin');
    await page.getByLabel('User name').fill('admin');
    await page.getByLabel('Password').fill('wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toHaveText('Wrong user name or password');
    await page.getByLabel('Password').fill('admin');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hot desking');
    const table = page.getByRole('table', { name: 'Hot desking devices' });
    await expect(table.getByRole('row', { name: /HD0001/ })).toContainText('02:00:00:00:00:01');
    await expect(page.getByRole('status', { name: 'Live updates' })).toHaveText('Live');
    for (const name of ['Hot desking', 'Phones', 'Extensions', 'Dial codes', 'System prompts', 'Licence', 'Login history', 'Alerts']) {
      await expect(page.getByRole('navigation', { name: 'Console pages' }).getByRole('link', { name, exact: true })).toBeVisible();
    }
    await page.reload(); // the cookie keeps the session; the password is not in the page
    await expect(table).toBeVisible();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  });

  test('signing out in one tab ends the session in every tab: the live stream drops and the console asks to sign in again', async ({ browser, host }) => {
    const first = await openConsole(browser, host.origin);
    const second = await first.context().newPage();
    await second.goto('/admin');
    await expect(second.getByRole('status', { name: 'Live updates' })).toHaveText('Live');
    await second.getByRole('button', { name: 'Sign out' }).click();
    await expect(first.getByText('Your session ended; sign in again.')).toBeVisible();
    await expect(first.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await first.context().close();
  });

  test("Alice's login on HD0001 shows in her row within a second; Log out + confirm returns the device and the row to idle", async ({ browser, host }) => {
    const console = await openConsole(browser, host.origin);
    const row = console.getByRole('table', { name: 'Hot desking devices' }).getByRole('row', { name: /HD0001/ });
    const desk = await openHotDeskPhone(browser, host.origin, '02:00:00:00:00:01', 'HD0001');
    try {
      await expect(row).toContainText('Idle'); // registered: no longer offline
      await desk.logIn('100', '482619');
      await expect(desk.display).toContainText('100 Alice Andrews');
      await expect(row).toContainText('Logged in as 100 Alice Andrews since', { timeout: 1_000 });

      await row.getByRole('button', { name: 'Log out' }).click();
      const dialog = console.getByRole('dialog', { name: 'Log out HD0001?' });
      await expect(dialog).toContainText('Alice Andrews');
      await dialog.getByRole('button', { name: 'Log out' }).click();
      await expect(dialog).toHaveCount(0);
      await expect(desk.display).toContainText('HD0001');
      await expect(desk.display).toContainText('Logged out — your history was cleared');
      await expect(row).toContainText('Idle');
      await expect(row.getByRole('button', { name: 'Log out' })).toHaveCount(0);
    } finally {
      await desk.close();
      await console.context().close();
    }
  });

  test("Add device shows the API's refusals next to the fields, and a new device appears live", async ({ browser, host, request }) => {
    const console = await openConsole(browser, host.origin);
    const form = console.getByRole('region', { name: 'Add device' });
    const mac = form.getByRole('textbox', { name: 'MAC address' });
    await mac.fill('02:00:00:00:00:01');
    await form.getByRole('button', { name: 'Add device' }).click();
    await expect(mac).toHaveAccessibleDescription('MAC 02:00:00:00:00:01 already belongs to HD0001');

    await mac.fill('02:00:00:00:0e:01');
    await form.getByRole('textbox', { name: 'Custom template' }).fill('my-template');
    await form.getByRole('textbox', { name: 'SBC port' }).fill('99999');
    await form.getByRole('button', { name: 'Add device' }).click();
    await expect(form.getByRole('textbox', { name: 'SBC port' })).toHaveAccessibleDescription(/port number/);
    await form.getByRole('textbox', { name: 'SBC port' }).fill('');
    await form.getByRole('button', { name: 'Add device' }).click();
    await expect(form.getByRole('textbox', { name: 'Custom template' })).toHaveAccessibleDescription(/template/i);

    await form.getByRole('textbox', { name: 'Custom template' }).fill('');
    await form.getByRole('textbox', { name: 'Floor' }).fill('3');
    await form.getByRole('textbox', { name: 'Desk' }).fill('7');
    await form.getByRole('button', { name: 'Add device' }).click();
    await expect(form.getByRole('status')).toContainText('was created for 02:00:00:00:0e:01');
    const row = console.getByRole('table', { name: 'Hot desking devices' }).getByRole('row', { name: /02:00:00:00:0e:01/ });
    await expect(row).toContainText('Floor 3, Desk 7');
    const name = (await row.getByRole('rowheader').textContent()) ?? '';
    // A device deleted by a script disappears from the table without a reload.
    expect((await request.delete(`${host.origin}/api/v1/devices/${name}`, { headers: ADMIN })).status()).toBe(204);
    await expect(row).toHaveCount(0);
    await console.context().close();
  });

  test('Phones: a pending MAC is listed live and Assign turns its page into a new HD device', async ({ browser, host }) => {
    const console = await openConsole(browser, host.origin);
    await console.getByRole('link', { name: 'Phones', exact: true }).click();
    await expect(console.getByText('No phone is waiting to be assigned.')).toBeVisible();
    const mac = '02:00:00:00:0f:01';
    const context = await browser.newContext({ baseURL: host.origin });
    const phonePage = await context.newPage();
    await phonePage.goto(`/?mac=${mac}`);
    const display = phonePage.getByRole('status', { name: 'Phone display' });
    await expect(display).toContainText('Not provisioned');

    const row = console.getByRole('table', { name: 'Pending phones' }).getByRole('row', { name: new RegExp(mac) });
    await row.getByRole('button', { name: 'Assign' }).click();
    const dialog = console.getByRole('dialog', { name: `Assign ${mac}` });
    await expect(dialog.getByRole('combobox', { name: 'Hot-desking device' })).toHaveValue('new');
    await dialog.getByRole('button', { name: 'Assign' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(console.getByRole('status').filter({ hasText: `${mac} was assigned to` })).toBeVisible();
    await expect(row).toHaveCount(0);
    await expect(display).toContainText(/HD\d{4}/);
    await expect(display).toContainText('Registered', { timeout: 10_000 });
    await context.close();
    await console.context().close();
  });

  test('a 911 call from a desk raises the emergency alert with its location on every page; Acknowledge clears it', async ({ browser, host }) => {
    const console = await openConsole(browser, host.origin);
    const desk = await openHotDeskPhone(browser, host.origin, '02:00:00:00:00:03', 'HD0003');
    try {
      await desk.number.fill('911');
      await desk.button('Call').click();
      const banner = console.getByRole('alert', { name: 'Emergency calls' });
      await expect(banner).toContainText('Emergency call to 911 from HD0003');
      await expect(banner).toContainText('Location: HQ, Building 1, Floor 3, Desk 2');
      await console.getByRole('link', { name: 'Alerts', exact: true }).click();
      await expect(banner).toBeVisible(); // on every page
      await expect(console.getByRole('list', { name: 'Alerts' })).toContainText('Emergency call to 911 from HD0003');
      await banner.getByRole('button', { name: /^Acknowledge/ }).click();
      await expect(banner).toHaveCount(0);
      await expect(console.getByRole('list', { name: 'Alerts' })).toContainText('acknowledged');
      await desk.button('Hang up').click();
    } finally {
      await desk.close();
      await console.context().close();
    }
  });
});
