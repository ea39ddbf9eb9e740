import { expect, test } from '@playwright/test';

const ADMIN = { Authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` };

test.describe('plug-and-play provisioning', () => {
  test('an unknown device waits as pending; once the admin assigns it, the same page becomes the new HD device', async ({ page, request }) => {
    const mac = '02:00:00:00:0a:01';
    await page.goto(`/?mac=${mac}`);
    const display = page.getByRole('status', { name: 'Phone display' });
    await expect(display).toContainText('Not provisioned');
    await expect(display).toContainText(mac);

    await expect
      .poll(async () => ((await (await request.get('/api/v1/phones', { headers: ADMIN })).json()) as { phones: { mac: string }[] }).phones.map((p) => p.mac))
      .toContain(mac);

    const created = await request.post('/api/v1/devices', { headers: ADMIN, data: { mac, options: { location: 'Lab, Desk 1' } } });
    expect(created.status()).toBe(201);
    const { name } = (await created.json()) as { name: string };
    expect(name).toMatch(/^HD\d{4}$/);

    const assigned = await request.post(`/api/v1/phones/${mac}/assign`, { headers: ADMIN, data: { device: name } });
    expect(assigned.ok()).toBe(true);

    // No reload: the NOTIFY reaches the device host, which fetches the document and redraws the page.
    await expect(display).toContainText(name);
    await expect(display).toContainText('Lab, Desk 1');
    await expect(display).toContainText('Registered', { timeout: 10_000 });
    await expect(display).not.toContainText('Not provisioned');

    // Reprovisioning without restart: the PBX sends check-sync, the phone re-fetches and redraws.
    const patched = await request.patch(`/api/v1/devices/${name}`, { headers: ADMIN, data: { options: { location: 'Lab, Desk 2' } } });
    expect(patched.ok()).toBe(true);
    await expect(display).toContainText('Lab, Desk 2');
    await expect(display).toContainText('Registered');
  });

  test('the admin API refuses a request without credentials', async ({ request }) => {
    const response = await request.get('/api/v1/devices');
    expect(response.status()).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBeTruthy();
  });
});
