import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { sipUrlOf, startHostProcess, startPbxProcess, type HostProcess } from '../support/hostProcess';
import { openPhonePage, type HotDeskPhone } from '../support/hotDeskPhone';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const ADMIN = { Authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` };
const FIRST = { mac: '02:00:00:00:00:01', name: 'HD0001' };
const SECOND = { mac: '02:00:00:00:00:14', name: 'HD0004' };
const ALICE = { extension: '100', pin: '482619', headline: '100 Alice Andrews' };

/** A kiosk in site mode (`--pbx`), its MAC set in its settings, as its own process on its own port. */
function startKiosk(mac: string, pbx: HostProcess): Promise<HostProcess> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hotdesk-e2e-site-'));
  writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ mac }));
  return startHostProcess(REPO_ROOT, 0, dataDir, { args: ['--pbx', sipUrlOf(pbx.origin)] });
}

/**
 * What the administrator does in the site PBX's console: compares the key the kiosk printed with the one the phone
 * waiting under Phones proved, and assigns it to `device` (made first when `create`).
 */
async function assign(request: APIRequestContext, pbx: HostProcess, kiosk: HostProcess, device: { mac: string; name: string }, create: boolean): Promise<void> {
  const listed = async () => {
    const phones = await request.get(`${pbx.origin}/api/v1/phones`, { headers: ADMIN });
    return ((await phones.json()) as { phones: Array<{ mac: string; fingerprint: string }> }).phones.find((phone) => phone.mac === device.mac);
  };
  // The page says "waiting for the administrator" from the start; the PBX lists the phone once its SUBSCRIBE is in.
  await expect.poll(listed, { message: `${device.mac} under Phones`, timeout: 15_000 }).toBeDefined();
  const fingerprint = /Device key:\s+(\S+)/.exec(kiosk.output())?.[1];
  expect((await listed())?.fingerprint).toBe(fingerprint);
  if (create) {
    const created = await request.post(`${pbx.origin}/api/v1/devices`, { headers: ADMIN, data: { mac: device.mac } });
    expect(await created.json()).toMatchObject({ name: device.name });
  }
  const assigned = await request.post(`${pbx.origin}/api/v1/phones/${device.mac}/assign`, {
    headers: ADMIN,
    data: { device: device.name, fingerprint },
  });
  expect(assigned.status()).toBe(200);
}

test.describe('a site: one PBX host, two kiosks as separate processes', () => {
  const processes: HostProcess[] = [];
  const phones: HotDeskPhone[] = [];
  test.afterEach(async () => {
    for (const phone of phones.splice(0)) await phone.close();
    for (const process of processes.splice(0).reverse()) await process.stop();
  });

  test('the kiosks are assigned at the PBX, Alice logs in on HD0004, then on HD0001, which logs her out of HD0004', async ({ browser, request }) => {
    test.setTimeout(90_000);
    const pbx = await startPbxProcess(REPO_ROOT);
    processes.push(pbx);
    const [first, second] = await Promise.all([startKiosk(FIRST.mac, pbx), startKiosk(SECOND.mac, pbx)]);
    processes.push(first, second);

    /** The kiosk's own page: not provisioned until the admin assigns it at the PBX, then its pool identity. */
    const provision = async (kiosk: HostProcess, device: typeof FIRST, create: boolean) => {
      const phone = await openPhonePage(browser, kiosk.origin, '/');
      phones.push(phone);
      await expect(phone.display).toContainText(`MAC ${device.mac} — waiting for the administrator`, { timeout: 15_000 });
      await assign(request, pbx, kiosk, device, create);
      await expect(phone.display).toContainText(device.name);
      await expect(phone.display).toContainText('Registered', { timeout: 10_000 });
      return phone;
    };

    const hd0004 = await provision(second, SECOND, true);

    await hd0004.logIn(ALICE.extension, ALICE.pin);
    await expect(hd0004.display).toContainText(ALICE.headline);
    await expect(hd0004.display).toContainText('Registered');

    const hd0001 = await provision(first, FIRST, false);

    await hd0001.logIn(ALICE.extension, ALICE.pin);
    await expect(hd0001.display).toContainText(ALICE.headline);
    // Policy logout-other: the PBX ends her session on HD0004, which shows its pool identity again.
    await expect(hd0004.display).toContainText(SECOND.name);
    await expect(hd0004.display).not.toContainText(ALICE.headline);
    await expect(hd0004.display).toContainText('Registered');
    for (const [device, extension] of [[SECOND.name, null], [FIRST.name, ALICE.extension]] as const) {
      const answer = await request.get(`${pbx.origin}/api/v1/devices/${device}`, { headers: ADMIN });
      expect(await answer.json()).toMatchObject({ name: device, extension });
    }
  });
});
