import { request as httpRequest } from 'node:http';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BridgeTestClient } from './support/bridgeClient';
import { startTestServices } from './support/deviceServices';

let services: Awaited<ReturnType<typeof startTestServices>>;
let wsOrigin: string;

beforeAll(async () => {
  services = await startTestServices();
  wsOrigin = services.origin.replace(/^http/, 'ws');
});
afterAll(async () => {
  await services.stop();
});

function get(path: string): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${services.origin}${path}`, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('web host over real sockets', () => {
  it('serves the app shell with a strict CSP for / and for client-side paths', async () => {
    for (const path of ['/', '/?mac=02:00:00:00:00:02', '/some/client/path']) {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(response.body).toContain('<title>Hotdesk</title>');
      expect(String(response.headers['content-security-policy'])).toContain("script-src 'self'");
    }
    expect((await get('/app.js')).headers['content-type']).toContain('text/javascript');
  });

  it('serves the management console at /admin: its own page, connecting to this origin only, without the bridge secret', async () => {
    const response = await get('/admin');
    expect(response.status).toBe(200);
    expect(response.body).toContain('<title>Hotdesk console</title>');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toMatch(/connect-src 'self';/);
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('never serves files outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/missing.js']) {
      const response = await get(path);
      expect(response.status).toBe(404);
      expect(response.body).not.toContain('do not serve');
    }
  });

  it('answers bridge requests for the device a page names with ?mac=', async () => {
    const page = await BridgeTestClient.openPage(services.origin, '?mac=02:00:00:00:00:02');
    // The first answer may come before plug-and-play has fetched the document; the device.changed event follows.
    const first = await page.request('device.view');
    expect(first).toMatchObject({ ok: true, result: { mac: '02:00:00:00:00:02' } });
    expect(await page.provisionedView()).toMatchObject({ identity: { kind: 'pool', name: 'HD0002' }, provisioning: { status: 'provisioned', source: 'pnp' } });
    expect(await page.request('app.info')).toMatchObject({ ok: true, result: { host: 'web', mode: 'demo', version: '0.0.0-test' } });
    page.close();
  });

  it('turns bad input into typed errors and keeps serving the connection', async () => {
    const page = await BridgeTestClient.openPage(services.origin);
    expect(await page.request('settings.update', [{ mac: 'zz' }])).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await page.request('rm -rf', [])).toMatchObject({ ok: false, error: { code: 'unknown-request' } });
    page.sendRaw('{not json');
    expect(await page.waitFor((m) => m.type === 'result' && m.id === -1)).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: 'Bridge message is not valid JSON' },
    });
    page.sendRaw(JSON.stringify({ type: 'request', id: 77, name: 'device.view' }));
    expect(await page.waitFor((m) => m.type === 'result' && m.id === 77)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await page.request('device.view')).toMatchObject({ ok: true, result: { mac: '02:00:00:00:00:01' } });
    page.close();
  });

  it('closes a connection that sends an oversized frame without affecting others', async () => {
    const victim = await BridgeTestClient.openPage(services.origin);
    const other = await BridgeTestClient.openPage(services.origin);
    const closed = new Promise<number>((resolve) => victim.socket.once('close', (code) => resolve(code)));
    victim.sendRaw('x'.repeat(70 * 1024));
    expect(await closed).toBe(1009);
    expect(await other.request('device.view')).toMatchObject({ ok: true });
    other.close();
  });

  it('pushes a settings change to every open page', async () => {
    const a = await BridgeTestClient.openPage(services.origin);
    const b = await BridgeTestClient.openPage(services.origin);
    await a.request('settings.update', [{ theme: 'dark' }]);
    expect(await b.waitFor((m) => m.type === 'event' && m.name === 'settings.changed')).toMatchObject({ payload: { theme: 'dark' } });
    a.close();
    b.close();
  });

  it('refuses a bridge WebSocket opened by a page of another site', async () => {
    const socket = new WebSocket(`${wsOrigin}/bridge`, { headers: { Origin: 'https://evil.example' } });
    const status = await new Promise<number>((resolve) => {
      socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.once('open', () => resolve(101));
    });
    expect(status).toBe(403);
  });

  it('answers 404 to a WebSocket on an unknown path', async () => {
    const socket = new WebSocket(`${wsOrigin}/nothing-here`);
    const status = await new Promise<number>((resolve) => {
      socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    });
    expect(status).toBe(404);
  });
});
