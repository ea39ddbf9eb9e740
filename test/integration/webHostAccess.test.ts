// The web host as a LAN attacker sees it: Host allow-list (DNS rebinding), the bridge's page secret and Origin, one
// device per bridge connection, and pages from other machines. Real sockets, the real PBX.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BridgeTestClient, httpGet, pageSecretCookie, upgradeStatus } from './support/bridgeClient';
import { startTestServices } from './support/deviceServices';
import { LAN_ADDRESS } from './support/lanAddress';
import { HAS_OPENSSL, makeSelfSignedCertificate } from './support/selfSignedCertificate';

type Services = Awaited<ReturnType<typeof startTestServices>>;
const ADMIN = { Authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` };
const EVIL_ACCOUNT = { webSocketUrl: 'wss://attacker.example/ws', uri: 'sip:evil@attacker.example', authUser: 'evil', password: 'x' };

function resultOf(message: unknown): unknown {
  return (message as { result?: unknown }).result;
}

describe('a demo host on loopback', () => {
  let services: Services;
  let port: string;
  let wsOrigin: string;

  beforeAll(async () => {
    services = await startTestServices();
    port = new URL(services.origin).port;
    wsOrigin = services.origin.replace(/^http/, 'ws');
  });
  afterAll(async () => {
    await services.stop();
  });

  async function pageCookie(query = ''): Promise<string> {
    return pageSecretCookie(await httpGet(`${services.origin}/${query}`)) ?? '';
  }

  it('answers 421 to a Host it does not serve, on every route and upgrade, before any handler', async () => {
    for (const host of [`rebind.attacker.example:${port}`, `127.0.0.1:${Number(port) + 1}`, 'evil', `[::2]:${port}`]) {
      const headers = { Host: host, ...ADMIN };
      for (const path of ['/', '/?mac=02:00:00:00:00:02', '/api/v1/phones', '/provisioning/anything']) {
        const answer = await httpGet(`${services.origin}${path}`, headers);
        expect(answer.status, `${host} ${path}`).toBe(421);
        expect(pageSecretCookie(answer)).toBeNull();
      }
      const cookie = await pageCookie();
      expect(await upgradeStatus(`${wsOrigin}/bridge`, { Host: host, Origin: `http://${host}`, Cookie: cookie })).toBe(421);
      expect(await upgradeStatus(`${wsOrigin}/sip`, { Host: host }, { protocol: 'sip' })).toBe(421);
    }
    // The names of loopback are this host's own.
    expect((await httpGet(`${services.origin}/`, { Host: `localhost:${port}` })).status).toBe(200);
  });

  it('hands the page its secret as an HttpOnly SameSite=Strict cookie scoped to the bridge, not to other files', async () => {
    const page = await httpGet(`${services.origin}/`);
    const cookie = (page.headers['set-cookie'] ?? []).find((line) => line.startsWith(`hotdesk-bridge-${port}=`)) ?? '';
    expect(cookie).toMatch(/; Path=\/bridge; HttpOnly; SameSite=Strict$/);
    expect(page.headers['cache-control']).toBe('no-store');
    expect((await httpGet(`${services.origin}/app.js`)).headers['set-cookie']).toBeUndefined();
  });

  it('refuses a bridge without the page secret, with a made-up one, or with a missing or foreign Origin', async () => {
    const cookie = await pageCookie();
    const name = cookie.split('=')[0] as string;
    const url = `${wsOrigin}/bridge`;
    expect(await upgradeStatus(url, { Origin: services.origin })).toBe(403);
    expect(await upgradeStatus(url, { Origin: services.origin, Cookie: `${name}=${'A'.repeat(43)}` })).toBe(403);
    expect(await upgradeStatus(url, { Cookie: cookie })).toBe(403);
    expect(await upgradeStatus(url, { Origin: 'https://evil.example', Cookie: cookie })).toBe(403);
    expect(await upgradeStatus(url, { Origin: `http://localhost:${port}`, Cookie: cookie })).toBe(403);
    expect(await upgradeStatus(url, { Origin: services.origin, Cookie: cookie })).toBe(101);
  });

  it("refuses the secret of another start: a page from before a restart must reload", async () => {
    const other = await startTestServices();
    try {
      const stale = (await pageCookie()).replace(/^hotdesk-bridge-\d+/, `hotdesk-bridge-${new URL(other.origin).port}`);
      expect(await upgradeStatus(`${other.origin.replace(/^http/, 'ws')}/bridge`, { Origin: other.origin, Cookie: stale })).toBe(403);
    } finally {
      await other.stop();
    }
  });

  it('lets a page act for its own device only: another MAC or the host-wide settings are refused', async () => {
    const desk = await BridgeTestClient.openPage(services.origin, '?mac=02:00:00:00:00:02');
    const bob = await BridgeTestClient.openPage(services.origin, '?account=101');
    for (const page of [desk, bob]) {
      expect(await page.request('settings.update', [{ theme: 'dark' }])).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await page.request('settings.update', [{ mac: '02:00:00:00:00:03' }, { adminPin: '0000' }])).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      expect(await page.request('settings.update', [{ sipAccount: EVIL_ACCOUNT }, { adminPin: '0000' }])).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    await desk.provisionedView();
    expect(resultOf(await desk.request('phone.account'))).toMatchObject({ authUser: 'HD0002' });
    expect(services.settings.get()).toMatchObject({ theme: 'system', mac: null, sipAccount: null });
    desk.close();
    bob.close();
  });

  it("keeps another MAC's page on its own identity when the kiosk takes a manual account", async () => {
    const kiosk = await BridgeTestClient.openPage(services.origin);
    const desk = await BridgeTestClient.openPage(services.origin, '?mac=02:00:00:00:00:02');
    await desk.provisionedView();
    expect(await kiosk.request('settings.update', [{ sipAccount: EVIL_ACCOUNT }, { adminPin: '0000' }])).toMatchObject({ ok: true });
    expect(resultOf(await kiosk.request('phone.account'))).toMatchObject({ uri: 'sip:evil@attacker.example' });
    expect(resultOf(await desk.request('phone.account'))).toMatchObject({ uri: 'sip:HD0002@hotdesk.local', authUser: 'HD0002' });
    expect(resultOf(await desk.request('device.view'))).toMatchObject({ identity: { kind: 'pool', name: 'HD0002' } });
    expect(await kiosk.request('settings.update', [{ sipAccount: null }, { adminPin: '0000' }])).toMatchObject({ ok: true });
    kiosk.close();
    desk.close();
  });
});

describe.skipIf(!LAN_ADDRESS || !HAS_OPENSSL)('pages from another machine (skipped without a LAN address or openssl)', () => {
  const asRemote = { localAddress: LAN_ADDRESS ?? undefined, rejectUnauthorized: false };
  let closed: Services;
  let open: Services;

  beforeAll(async () => {
    // Plug-and-play cannot reach a host behind a self-signed certificate, so HD0002's document is fetched over plain
    // HTTP first; the TLS host starts on the same data directory and uses the stored document.
    const dataDir = mkdtempSync(path.join(tmpdir(), 'hotdesk-it-remote-'));
    const plain = await startTestServices(null, { dataDir });
    const page = await BridgeTestClient.openPage(plain.origin, '?mac=02:00:00:00:00:02');
    await page.provisionedView();
    page.close();
    await plain.stop();
    const tls = makeSelfSignedCertificate();
    closed = await startTestServices(tls);
    open = await startTestServices(tls, { dataDir, allowRemoteDevices: true });
  });
  afterAll(async () => {
    await closed?.stop();
    await open?.stop();
  });

  it('serves device pages and the bridge to this machine only, unless started with --allow-remote-devices', async () => {
    const page = await httpGet(`${closed.origin}/?mac=02:00:00:00:00:02`, {}, asRemote);
    expect(page.status).toBe(403);
    expect(pageSecretCookie(page)).toBeNull();
    // The console's files are open to the LAN; a path that only looks like one of them is judged by the file it names.
    for (const disguised of ['/assets/..%2findex.html', '/assets/..%5cindex.html', '/assets/%2e%2e%2f?mac=02:00:00:00:00:02']) {
      const answer = await httpGet(`${closed.origin}${disguised}`, {}, asRemote);
      expect(answer.status, disguised).toBe(403);
      expect(pageSecretCookie(answer), disguised).toBeNull();
    }
    const cookie = pageSecretCookie(await httpGet(`${closed.origin}/`, {}, { rejectUnauthorized: false })) ?? '';
    const bridge = `${closed.origin.replace(/^https/, 'wss')}/bridge?mac=02:00:00:00:00:02`;
    expect(await upgradeStatus(bridge, { Origin: closed.origin, Cookie: cookie }, asRemote)).toBe(403);
    // The admin API, the management console and SIP stay open to the LAN over TLS.
    expect((await httpGet(`${closed.origin}/api/v1/phones`, ADMIN, asRemote)).status).toBe(200);
    expect((await httpGet(`${closed.origin}/admin`, {}, asRemote)).status).toBe(200);
  });

  it('gives an allowed remote page its device view but no SIP credentials, and nothing without ?mac=', async () => {
    const remote = await BridgeTestClient.openPage(open.origin, '?mac=02:00:00:00:00:02', asRemote);
    const local = await BridgeTestClient.openPage(open.origin, '?mac=02:00:00:00:00:02', { rejectUnauthorized: false });
    await local.provisionedView();
    expect(await local.request('phone.account')).toMatchObject({ ok: true, result: { authUser: 'HD0002', credentials: { kind: 'ha1' } } });
    expect(await remote.request('phone.account')).toEqual({ type: 'result', id: 1, ok: true, result: null });
    expect(await remote.request('device.view')).toMatchObject({ ok: true, result: { mac: '02:00:00:00:00:02' } });
    expect(await remote.request('settings.update', [{ theme: 'dark' }])).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const cookie = pageSecretCookie(await httpGet(`${open.origin}/`, {}, asRemote)) ?? '';
    expect(await upgradeStatus(`${open.origin.replace(/^https/, 'wss')}/bridge`, { Origin: open.origin, Cookie: cookie }, asRemote)).toBe(403);
    remote.close();
    local.close();
  });
});
