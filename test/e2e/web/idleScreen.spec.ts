import { expect, test } from '@playwright/test';

test.describe('idle hot-desk phone screen', () => {
  test('shows the pool name, the login hint, the location and a disabled Logout key', async ({ page }) => {
    await page.goto('/');
    const display = page.getByRole('status', { name: 'Phone display' });
    await expect(display).toContainText('HD0001');
    await expect(display).toContainText('Dial *77*<ext>* to log in');
    await expect(display).toContainText('HQ, Building 1, Floor 2, Desk 14');
    await expect(display).toContainText(/\d{1,2}:\d{2}/);

    const blfKeys = page.getByRole('group', { name: 'BLF keys' });
    const keys = blfKeys.getByRole('button');
    await expect(keys.first()).toHaveAccessibleName('Logout');
    await expect(keys.first()).toBeDisabled();
    await expect(keys).toHaveCount(1);
  });

  test('?mac= picks another hot-desk device', async ({ page }) => {
    await page.goto('/?mac=02:00:00:00:00:02');
    const display = page.getByRole('status', { name: 'Phone display' });
    await expect(display).toContainText('HD0002');
    await expect(display).not.toContainText('HD0001');
  });

  test('an unknown MAC shows that the device waits for the administrator', async ({ page }) => {
    await page.goto('/?mac=02:00:00:00:0a:0b');
    const display = page.getByRole('status', { name: 'Phone display' });
    await expect(display).toContainText('Not provisioned');
    await expect(display).toContainText('02:00:00:00:0a:0b');
    await expect(page.getByRole('group', { name: 'BLF keys' }).getByRole('button', { name: 'Logout' })).toBeDisabled();
  });

  test('a malformed ?mac= is reported on the display', async ({ page }) => {
    await page.goto('/?mac=not-a-mac');
    await expect(page.getByRole('status', { name: 'Phone display' })).toContainText('not a MAC address');
  });
});
