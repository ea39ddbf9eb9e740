// Site deployment: device hosts in site mode join a PBX that runs as its own process elsewhere (README, "Site
// deployment"). Real processes and sockets: the headless PBX, two device hosts on their own ports, their bridges.
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireServerMessage } from '../../shared/contracts';
import { sipUrlOf, startPbxProcess, type HostProcess } from '../e2e/support/hostProcess';
import { BridgeTestClient, httpGet, upgradeStatus } from './support/bridgeClient';
import { startTestServices } from './support/deviceServices';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ADMIN = { Authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}`, 'Content-Type': 'application/json' };
const FIRST = '02:00:00:00:00:01';
const SECOND = '02:00:00:00:00:14';
type Services = Awaited<ReturnType<typeof startTestServices>>;
type View = { identity: { kind: string; name?: string } | null; provisioning: { status: string } | null };

/** A device host in site mode with its MAC set, joined to `pbxUrl`. */
async function startSiteHost(mac: string, pbxUrl: string): Promise<Services> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hotdesk-site-'));
  writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ mac }));
  return startTestServices(null, { dataDir, mode: 'site', sitePbxUrl: pbxUrl });
}

function adminPinOf(services: Services): string {
  const pin = services.warnings.map((warning) => /^Admin PIN \(settings of this device\): (\d+)/.exec(warning)?.[1]).find(Boolean);
  if (!pin) throw new Error(`no admin PIN among the warnings: ${services.warnings.join(' | ')}`);
  return pin;
}

async function api(origin: string, method: string, route: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${origin}/api/v1${route}`, { method, headers: ADMIN, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

/** The page's device view as soon as `match` holds: from device.view, or from a later device.changed. */
async function viewWhen(page: BridgeTestClient, match: (view: View) => boolean): Promise<View> {
  const since = page.received.length;
  const answer = await page.request('device.view');
  if (answer.type === 'result' && answer.ok && match(answer.result as View)) return answer.result as View;
  const fresh = (message: WireServerMessage) => page.received.indexOf(message) >= since;
  const event = await page.waitFor((m) => fresh(m) && m.type === 'event' && m.name === 'device.changed' && match(m.payload as View));
  return (event as { payload: View }).payload;
}

const pending = (view: View) => view.provisioning?.status === 'pending';
const poolOf = (name: string) => (view: View) => view.identity?.kind === 'pool' && view.identity.name === name;

describe('device hosts joined to a site PBX in another process', () => {
  let pbx: HostProcess;
  let first: Services;
  let second: Services;
  let firstPage: BridgeTestClient;
  let secondPage: BridgeTestClient;

  beforeAll(async () => {
    pbx = await startPbxProcess(REPO_ROOT);
    [first, second] = await Promise.all([startSiteHost(FIRST, sipUrlOf(pbx.origin)), startSiteHost(SECOND, sipUrlOf(pbx.origin))]);
    [firstPage, secondPage] = await Promise.all([BridgeTestClient.openPage(first.origin), BridgeTestClient.openPage(second.origin)]);
  }, 60_000);
  afterAll(async () => {
    firstPage?.close();
    secondPage?.close();
    await Promise.all([first?.stop(), second?.stop()]);
    await pbx?.stop();
  });

  it('run no PBX of their own: no admin API, no SIP WebSocket', async () => {
    expect(first.pbx).toBeNull();
    expect((await httpGet(`${first.origin}/api/v1/phones`, ADMIN)).status).toBe(404);
    expect(await upgradeStatus(`${first.origin.replace(/^http/, 'ws')}/sip`, { Origin: first.origin }, { protocol: 'sip' })).toBe(404);
  });

  it('are listed under the PBX phones with their device keys, are assigned there and take its documents', async () => {
    await Promise.all([viewWhen(firstPage, pending), viewWhen(secondPage, pending)]);
    const phones = (await api(pbx.origin, 'GET', '/phones')).json['phones'] as Array<{ mac: string; fingerprint: string }>;
    expect(phones).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ mac: FIRST, fingerprint: first.deviceKeyFingerprint }),
        expect.objectContaining({ mac: SECOND, fingerprint: second.deviceKeyFingerprint }),
      ]),
    );

    const created = await api(pbx.origin, 'POST', '/devices', { mac: SECOND });
    expect([created.status, created.json['name']]).toEqual([201, 'HD0004']);
    expect((await api(pbx.origin, 'POST', `/phones/${SECOND}/assign`, { device: 'HD0004', fingerprint: second.deviceKeyFingerprint })).status).toBe(200);
    expect((await api(pbx.origin, 'POST', `/phones/${FIRST}/assign`, { device: 'HD0001', fingerprint: first.deviceKeyFingerprint })).status).toBe(200);

    await viewWhen(secondPage, poolOf('HD0004'));
    await viewWhen(firstPage, poolOf('HD0001'));
    const account = await secondPage.request('phone.account');
    expect(account).toMatchObject({ ok: true, result: { webSocketUrl: sipUrlOf(pbx.origin), uri: 'sip:HD0004@hotdesk.local', authUser: 'HD0004' } });
    // The page may open the PBX's WebSocket: its origin is in the page's connect-src.
    const page = await httpGet(`${second.origin}/`);
    expect(String(page.headers['content-security-policy'])).toContain(new URL(sipUrlOf(pbx.origin)).origin.replace(/^http/, 'ws'));
  });

  it('leave the site PBX live for one of their own, and join it again, with the admin PIN', async () => {
    const pin = adminPinOf(first);
    const refused = await firstPage.request('settings.update', [{ sitePbxUrl: null }]);
    expect(refused).toMatchObject({ ok: false, error: { code: 'unauthorized' } });

    expect(await firstPage.request('settings.update', [{ sitePbxUrl: null }, { adminPin: pin }])).toMatchObject({ ok: true, result: { sitePbxUrl: null } });
    // Its own PBX (site mode: no demo devices) lists it as a new phone; the site PBX's document is gone from disk.
    expect(await viewWhen(firstPage, (view) => pending(view) && view.identity === null)).toMatchObject({ identity: null });
    expect(first.pbx).not.toBeNull();
    expect((await httpGet(`${first.origin}/api/v1/phones`)).status).toBe(401);
    expect(readdirSync(path.join(first.dataDir, 'provisioning'))).toEqual([]);

    expect(await firstPage.request('settings.update', [{ sitePbxUrl: sipUrlOf(pbx.origin) }, { adminPin: pin }])).toMatchObject({ ok: true });
    // Enrolled at the site PBX already: the plug-and-play answer carries its document at once.
    await viewWhen(firstPage, poolOf('HD0001'));
    expect(first.pbx).toBeNull();
    expect((await httpGet(`${first.origin}/api/v1/phones`, ADMIN)).status).toBe(404);
    expect(existsSync(path.join(first.dataDir, 'pbx'))).toBe(true);
  });
});
