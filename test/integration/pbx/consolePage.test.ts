import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsolePage } from '../../../electron/pbx/consolePage';

let server: Server;
let origin: string;

beforeAll(async () => {
  const rendererDir = mkdtempSync(path.join(tmpdir(), 'hotdesk-console-'));
  mkdirSync(path.join(rendererDir, 'assets'));
  writeFileSync(path.join(rendererDir, 'admin.html'), '<!doctype html><title>Hotdesk console</title>');
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Hotdesk</title>');
  writeFileSync(path.join(rendererDir, 'assets', 'admin-1.js'), 'console.log(1)');
  const serveConsole = createConsolePage(rendererDir);
  server = createServer((request, response) => {
    if (!serveConsole(request, response)) response.writeHead(404).end('not the console');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the management console on the headless PBX', () => {
  it('serves /admin with a CSP that lets the page reach this origin only, and the built files', async () => {
    const page = await fetch(`${origin}/admin`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Hotdesk console</title>');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toMatch(/connect-src 'self';/);
    expect(page.headers.get('set-cookie')).toBeNull();
    const script = await fetch(`${origin}/assets/admin-1.js`);
    expect([script.status, script.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
  });

  it('leaves every other path to the PBX, and serves no device page', async () => {
    for (const pathname of ['/', '/index.html', '/?mac=02:00:00:00:00:01', '/admin/x', '/api/v1/devices']) {
      expect((await fetch(`${origin}${pathname}`)).status, pathname).toBe(404);
    }
    expect((await fetch(`${origin}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${origin}/assets/../index.html`)).status).toBe(404);
  });
});
