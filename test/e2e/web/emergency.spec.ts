import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { ADMIN } from '../../integration/admin/support/apiServer';
import { EventStreamClient } from '../../integration/admin/support/eventStreamClient';
import { startHostProcess, type HostProcess } from '../support/hostProcess';
import { openHotDeskPhone, type HotDeskPhone } from '../support/hotDeskPhone';
import { AUDIO_FLOWS, remoteAudioLevel } from '../support/softphone';

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

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const HD0001 = { mac: '02:00:00:00:00:01', name: 'HD0001' };
const DESK_14 = 'HQ, Building 1, Floor 2, Desk 14';

/**
 * A login and a callback change what the demo devices do, which the other specs expect idle: these tests run against
 * a web host (and PBX) of their own, and log every device out afterwards.
 */
const ownHost = test.extend<{ phone: () => Promise<HotDeskPhone>; events: EventStreamClient }, { host: HostProcess }>({
  host: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const host = await startHostProcess(REPO_ROOT, 0);
      await use(host);
      await host.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  events: async ({ host }, use) => {
    const stream = await EventStreamClient.open(`${host.origin}/api/v1/events`, ADMIN);
    await stream.until(() => stream.comments.includes('connected'));
    await use(stream);
    stream.close();
  },
  phone: async ({ browser, host, request }, use) => {
    const opened: HotDeskPhone[] = [];
    await use(async () => {
      const phone = await openHotDeskPhone(browser, host.origin, HD0001.mac, HD0001.name);
      opened.push(phone);
      return phone;
    });
    for (const phone of opened) await phone.close();
    await request.post(`${host.origin}/api/v1/devices/${HD0001.name}/logout`, { headers: { Authorization: ADMIN } });
  },
});

function nextEvent(stream: EventStreamClient, name: string): Promise<Record<string, unknown>> {
  const seen = stream.events.length;
  const found = () => stream.events.slice(seen).find((event) => event.event === name);
  return stream.until(() => found() !== undefined).then(() => found()?.data as Record<string, unknown>);
}

ownHost.describe('emergency calls and the callback on a host of their own', () => {
  ownHost('idle HD0001 dials 911, hears and reads the operator; the callback rings the idle desk from the emergency operator', async ({ phone, events, host, request }) => {
    const desk = await phone();
    const call = nextEvent(events, 'emergency-call');
    await desk.number.fill('911');
    await desk.button('Call').click();
    const { id } = (await call) as { id: string };
    await expect(desk.display).toContainText(`Emergency service (demo). Your location: ${DESK_14}`, { timeout: 10_000 });
    await expect.poll(() => remoteAudioLevel(desk.page), { timeout: 10_000 }).toBeGreaterThan(AUDIO_FLOWS);
    await desk.button('Hang up').click();
    await expect(desk.page.getByRole('timer', { name: 'Call duration' })).toHaveCount(0);

    const callback = await request.post(`${host.origin}/api/v1/emergency/${id}/callback`, { headers: { Authorization: ADMIN } });
    expect(callback.status()).toBe(202);
    await expect(desk.display).toContainText('Incoming call', { timeout: 10_000 });
    await expect(desk.display).toContainText('911 Emergency operator (demo)');
    await desk.button('Answer').click();
    await expect(desk.page.getByRole('timer', { name: 'Call duration' })).toBeVisible({ timeout: 10_000 });
    await expect(desk.display).toContainText('calling you back about the emergency call to 911');
    await desk.button('Hang up').click();
  });

  ownHost("logged-in Alice on HD0001 dials 112: the event carries HD0001's location and device, and Alice only as the user", async ({ phone, events }) => {
    const desk = await phone();
    await desk.logIn('100', '482619');
    await expect(desk.display).toContainText('100 Alice Andrews');
    await expect(desk.display).toContainText('Registered');
    const call = nextEvent(events, 'emergency-call');
    await desk.number.fill('112');
    await desk.button('Call').click();
    expect(await call).toMatchObject({
      number: '112',
      caller: 'sip:100@hotdesk.local',
      device: { name: 'HD0001', mac: '02:00:00:00:00:01' },
      user: { extension: '100', name: 'Alice Andrews' },
      location: { short: DESK_14, source: 'pbx', civic: { site: 'HQ', building: '1', floor: '2', desk: '14' } },
    });
    await expect(desk.display).toContainText(`Your location: ${DESK_14}`, { timeout: 10_000 });
    await desk.button('Hang up').click();
    await expect(desk.page.getByRole('timer', { name: 'Call duration' })).toHaveCount(0);

    // During another call: Call 911 puts that call on hold and reaches the operator with the desk's location.
    await desk.number.fill('200');
    await desk.button('Call').click();
    await expect(desk.button('Hold')).toBeVisible({ timeout: 10_000 });
    const during = nextEvent(events, 'emergency-call');
    await desk.button('Call 911').click();
    expect(await during).toMatchObject({ number: '911', device: { name: 'HD0001' }, location: { short: DESK_14 } });
    await expect(desk.display).toContainText(`Your location: ${DESK_14}`, { timeout: 10_000 });
    await expect(desk.page.getByRole('button', { name: /^Swap to 200/ })).toBeVisible();
    await desk.button('Hang up').click();
    await expect(desk.page.getByRole('button', { name: 'Resume' })).toBeVisible({ timeout: 10_000 });
    await desk.button('Hang up').click();
    await expect(desk.page.getByRole('timer', { name: 'Call duration' })).toHaveCount(0);
  });
});
