import { expect, test } from '@playwright/test';
import { ADMIN } from '../../integration/admin/support/apiServer';
import { EventStreamClient } from '../../integration/admin/support/eventStreamClient';

test.describe('emergency calls from a real phone page', () => {
  test('an idle desk dials 112: the emergency-call event names the desk and its location, and the operator answers', async ({ browser, baseURL }) => {
    const stream = await EventStreamClient.open(`${baseURL}/api/v1/events`, ADMIN);
    await stream.until(() => stream.comments.includes('connected'));
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await page.goto('/?mac=02:00:00:00:00:02');
    const display = page.getByRole('status', { name: 'Phone display' });
    await expect(display).toContainText('HQ, Building 1, Floor 2, Desk 15');
    await expect(display).toContainText('Registered', { timeout: 10_000 });
    await page.getByRole('textbox', { name: 'Number' }).fill('112');
    await page.getByRole('button', { name: 'Call', exact: true }).click();
    await stream.until(() => stream.events.some((event) => event.event === 'emergency-call'));
    expect(stream.events.find((event) => event.event === 'emergency-call')?.data).toMatchObject({
      number: '112',
      device: { name: 'HD0002', mac: '02:00:00:00:00:02' },
      user: null,
      location: { short: 'HQ, Building 1, Floor 2, Desk 15', source: 'pbx', civic: { country: 'US', floor: '2', desk: '15' } },
    });
    await expect(page.getByRole('timer', { name: 'Call duration' })).toBeVisible({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Hang up', exact: true }).click();
    await expect(page.getByRole('timer', { name: 'Call duration' })).toHaveCount(0);
    stream.close();
    await context.close();
  });
});
