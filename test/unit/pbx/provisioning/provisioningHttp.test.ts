import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../../electron/sip/clock';
import { Provisioning } from '../../../../electron/pbx/provisioning/provisioning';
import { hmacDeviceTokens } from '../../../../electron/pbx/provisioning/provisioningTokens';
import { checkProvisioningDocument } from '../../../../shared/sip/provisioningDocument';
import { HD0004, MemoryDirectory } from './fixtures';

const directory = new MemoryDirectory([HD0004, { ...HD0004, name: 'HD0005', mac: '02:00:00:00:00:05' as never, sbc: { host: 'sbc.example.com', port: 8443 } }]);
const clock = new ManualClock(Date.parse('2025-05-06T07:08:09Z'));
let server: Server;
let origin: string;
let provisioning: Provisioning;

beforeAll(async () => {
  provisioning = new Provisioning({ directory, tokens: hmacDeviceTokens(Buffer.alloc(32, 3), directory), clock, publicBaseUrl: () => origin, onError: () => {} });
  server = createServer((request, response) => {
    if (!provisioning.http(request, response)) response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end('Not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('provisioning HTTP', () => {
  it('serves the device its validated document with a strong ETag, never cached', async () => {
    const url = provisioning.urlFor('HD0004')!;
    expect(url).toMatch(new RegExp(`^${origin}/provisioning/[A-Za-z0-9_-]{43}\\.json$`));
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const document = await response.json();
    expect(checkProvisioningDocument(document).ok).toBe(true);
    expect(response.headers.get('etag')).toBe(`"${document.etag}"`);
    expect(document.account.webSocketUrls).toEqual([`${origin.replace('http', 'ws')}/sip`]);
    expect(document.generatedAt).toBe('2025-05-06T07:08:09.000Z');
  });

  it('answers If-None-Match with 304 while the document is unchanged, 200 once it changed', async () => {
    const url = provisioning.urlFor('HD0004')!;
    const etag = (await fetch(url)).headers.get('etag')!;
    clock.advance(60_000);
    const unchanged = await fetch(url, { headers: { 'If-None-Match': etag } });
    expect(unchanged.status).toBe(304);
    expect(unchanged.headers.get('etag')).toBe(etag);
    expect(await unchanged.text()).toBe('');
    expect((await fetch(url, { headers: { 'If-None-Match': `"other", W/${etag}` } })).status).toBe(304);

    directory.identities.set('HD0004', { kind: 'user', extension: '100', name: 'Alice Andrews', blf: [] });
    const changed = await fetch(url, { headers: { 'If-None-Match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    const document = await changed.json();
    expect(document.identity).toEqual({ kind: 'user', extension: '100', name: 'Alice Andrews' });
    expect(document.generatedAt).toBe('2025-05-06T07:09:09.000Z');
    expect(provisioning.aorsOf('HD0004')).toEqual(['HD0004', '100']);
    directory.identities.delete('HD0004');
  });

  it('gives an unknown or malformed token the same bare 404 as any missing page', async () => {
    const good = provisioning.urlFor('HD0004')!;
    const unknown = good.replace(/\/[A-Za-z0-9_-]{43}\.json$/, `/${'A'.repeat(43)}.json`);
    const responses = await Promise.all([unknown, `${origin}/provisioning/short.json`, `${origin}/provisioning/`, `${origin}/elsewhere`].map((url) => fetch(url)));
    const seen = await Promise.all(responses.map(async (response) => [response.status, response.headers.get('content-type'), await response.text()]));
    expect(new Set(seen.map((entry) => JSON.stringify(entry)))).toEqual(new Set([JSON.stringify([404, 'text/plain; charset=utf-8', 'Not found'])]));
  });

  it('answers HEAD without a body and other methods with 405', async () => {
    const url = provisioning.urlFor('HD0004')!;
    const head = await fetch(url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    const post = await fetch(url, { method: 'POST', body: '{}' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it("gives a device behind an SBC the SBC's WebSocket URL", async () => {
    const document = await (await fetch(provisioning.urlFor('HD0005')!)).json();
    expect(document.account.webSocketUrls).toEqual(['wss://sbc.example.com:8443/sip']);
    expect(document.sbc).toEqual({ host: 'sbc.example.com', port: 8443 });
  });

  it('answers 500 without details when a record cannot make a valid document', async () => {
    directory.identities.set('HD0004', { kind: 'user', extension: 'nobody', name: 'x', blf: [] });
    const response = await fetch(provisioning.urlFor('HD0004')!);
    expect(response.status).toBe(500);
    expect(await response.text()).not.toMatch(/nobody/);
    directory.identities.delete('HD0004');
  });

  it("serves by the device records' own stored tokens too (128-bit, 22 characters)", async () => {
    const stored = new Map([['s7Q2aXv9LmN0pRtUwYz3Bc', HD0004]]);
    const byRecord = new Provisioning({
      directory,
      tokens: { tokenFor: (device) => [...stored].find(([, d]) => d.name === device.name)![0], deviceFor: (token) => stored.get(token) ?? null },
      clock,
      publicBaseUrl: () => origin,
    });
    expect(byRecord.urlFor('HD0004')).toBe(`${origin}/provisioning/s7Q2aXv9LmN0pRtUwYz3Bc.json`);
    const response = await new Promise<{ status: number; body: string }>((resolve) => {
      const other = createServer((request, reply) => byRecord.http(request, reply));
      other.listen(0, '127.0.0.1', async () => {
        const url = `http://127.0.0.1:${(other.address() as AddressInfo).port}/provisioning/s7Q2aXv9LmN0pRtUwYz3Bc.json`;
        const fetched = await fetch(url);
        resolve({ status: fetched.status, body: await fetched.text() });
        other.closeAllConnections();
        other.close();
      });
    });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body).device.poolName).toBe('HD0004');
  });

  it('has no URL or document for an unknown device', () => {
    expect(provisioning.urlFor('HD9999')).toBeNull();
    expect(provisioning.documentFor('HD9999')).toBeNull();
    expect(provisioning.documentFor('HD0004')?.account.webSocketUrls).toEqual([`${origin.replace('http', 'ws')}/sip`]);
  });
});
