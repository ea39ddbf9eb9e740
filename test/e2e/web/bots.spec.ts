import { expect, test } from '@playwright/test';
import { AUDIO_FLOWS, remoteAudioLevel } from '../support/softphone';

test.describe('the PBX bots, called from a real phone page', () => {
  test('an idle hot-desk device calls 911 and hears the demo emergency operator', async ({ browser, baseURL }) => {
    // HD0003's page, so it does not share a SIP identity with other tests' HD0001 pages.
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await page.goto('/?mac=02:00:00:00:00:03');
    const display = page.getByRole('status', { name: 'Phone display' });
    await expect(display).toContainText('HD0003');
    await expect(display).toContainText('Registered', { timeout: 10_000 });
    await page.getByRole('textbox', { name: 'Number' }).fill('911');
    await page.getByRole('button', { name: 'Call', exact: true }).click();
    await expect(page.getByRole('timer', { name: 'Call duration' })).toBeVisible({ timeout: 10_000 });
    await expect.poll(() => remoteAudioLevel(page), { timeout: 10_000 }).toBeGreaterThan(AUDIO_FLOWS);
    await page.getByRole('button', { name: 'Hang up', exact: true }).click();
    await expect(page.getByRole('timer', { name: 'Call duration' })).toHaveCount(0);
    await context.close();
  });

  test('dialling the echo test from an idle device is refused with the reason on the display', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await page.goto('/?mac=02:00:00:00:00:02');
    const display = page.getByRole('status', { name: 'Phone display' });
    await expect(display).toContainText('Registered', { timeout: 10_000 });
    await page.getByRole('textbox', { name: 'Number' }).fill('200');
    await page.getByRole('button', { name: 'Call', exact: true }).click();
    await expect(display).toContainText('Log in to call this number: only emergency numbers can be dialled');
    await context.close();
  });

  test('a softphone calls the echo test and hears audio back', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await page.goto('/?account=105');
    await expect(page.getByRole('status', { name: 'Phone display' })).toContainText('Registered', { timeout: 10_000 });
    await page.getByRole('textbox', { name: 'Number' }).fill('200');
    await page.getByRole('button', { name: 'Call', exact: true }).click();
    await expect(page.getByRole('timer', { name: 'Call duration' })).toBeVisible({ timeout: 10_000 });
    await expect.poll(() => remoteAudioLevel(page), { timeout: 10_000 }).toBeGreaterThan(AUDIO_FLOWS);
    await page.getByRole('button', { name: 'Hang up', exact: true }).click();
    await context.close();
  });
});
