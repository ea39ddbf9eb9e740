import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../../electron/sip/clock';
import { Provisioning } from '../../../../electron/pbx/provisioning/provisioning';
import { hmacDeviceTokens } from '../../../../electron/pbx/provisioning/provisioningTokens';
import { DeviceProofVerifier } from '../../../../electron/pbx/core/enrolment/deviceProofVerifier';
import type { ForeignKeySighting } from '../../../../electron/pbx/provisioning/deviceAccess';
import { checkProvisioningDocument } from '../../../../shared/sip/provisioningDocument';
import { deviceRequestHeaders } from '../../../../electron/host/provisioning/deviceRequest';
import { deviceAuthorization } from '../../../../shared/sip/deviceProof';
import { DEVICE_KEY, HD0004, MemoryDirectory, OTHER_KEY, signedFetch } from './fixtures';

const directory = new MemoryDirectory([HD0004, { ...HD0004, name: 'HD0005', mac: '02:00:00:00:00:05' as never, sbc: { host: 'sbc.example.com', port: 8443 } }]);
// The document's clock; proofs are checked against the real time, which the device host signs with.
const clock = new ManualClock(Date.parse('2025-05-06T07:08:09Z'));
const proofs = new DeviceProofVerifier({ now: () => Date.now() });
const foreign: ForeignKeySighting[] = [];
let server: Server;
let origin: string;
let provisioning: Provisioning;

beforeAll(async () => {
  provisioning = new Provisioning({
    directory,
    tokens: hmacDeviceTokens(Buffer.alloc(32, 3), directory),
    clock,
    publicBaseUrl: () => origin,
    proofs,
    onForeignKey: (sighting) => foreign.push(sighting),
    // A device action besides the document: it gets the same device check without asking for it.
    routes: [{ resource: '/ping', methods: ['POST'], handle: (_request, response, device) => void response.writeHead(200).end(`pong ${device.name}`) }],
    onError: () => {},
  });
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

async function describe401(response: Response): Promise<string> {
  return JSON.stringify([response.status, response.headers.get('www-authenticate'), await response.text()]);
}

describe('provisioning HTTP', () => {
  it('serves the device its validated document with a strong ETag, never cached', async () => {
    const url = provisioning.urlFor('HD0004')!;
    expect(url).toMatch(new RegExp(`^${origin}/provisioning/[A-Za-z0-9_-]{43}\\.json$`));
    const response = await signedFetch(url);
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
    const etag = (await signedFetch(url)).headers.get('etag')!;
    clock.advance(60_000);
    const unchanged = await signedFetch(url, { headers: { 'If-None-Match': etag } });
    expect(unchanged.status).toBe(304);
    expect(unchanged.headers.get('etag')).toBe(etag);
    expect(await unchanged.text()).toBe('');
    expect((await signedFetch(url, { headers: { 'If-None-Match': `"other", W/${etag}` } })).status).toBe(304);

    directory.identities.set('HD0004', { kind: 'user', extension: '100', name: 'Alice Andrews', blf: [] });
    const changed = await signedFetch(url, { headers: { 'If-None-Match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    const document = await changed.json();
    expect(document.identity).toEqual({ kind: 'user', extension: '100', name: 'Alice Andrews' });
    expect(document.generatedAt).toBe('2025-05-06T07:09:09.000Z');
    expect(provisioning.aorsOf('HD0004')).toEqual(['HD0004', '100']);
    directory.identities.delete('HD0004');
  });

  it('answers every path under /provisioning/ without a proof with the same 401, known token or not', async () => {
    const good = provisioning.urlFor('HD0004')!;
    const unknown = good.replace(/\/[A-Za-z0-9_-]{43}\.json$/, `/${'A'.repeat(43)}.json`);
    const paths = [good, unknown, `${origin}/provisioning/short.json`, `${origin}/provisioning/`, good.replace(/\.json$/, '/ping')];
    const seen = await Promise.all(paths.map(async (url) => describe401(await fetch(url, { method: url.endsWith('/ping') ? 'POST' : 'GET' }))));
    expect(new Set(seen)).toEqual(new Set([JSON.stringify([401, 'Hotdesk-Device', 'Device proof required'])]));
    expect((await fetch(`${origin}/elsewhere`)).status).toBe(404); // not provisioning's
  });

  it('answers a proof of another key, an unknown token and a malformed path with the same 403', async () => {
    const good = provisioning.urlFor('HD0004')!;
    const unknown = good.replace(/\/[A-Za-z0-9_-]{43}\.json$/, `/${'A'.repeat(43)}.json`);
    const responses = [await signedFetch(good, {}, OTHER_KEY), await signedFetch(unknown), await signedFetch(`${origin}/provisioning/short.json`), await signedFetch(`${origin}/provisioning/`)];
    const seen = await Promise.all(responses.map(async (response) => JSON.stringify([response.status, response.headers.get('content-type'), await response.text()])));
    expect(new Set(seen)).toEqual(new Set([JSON.stringify([403, 'text/plain; charset=utf-8', 'Forbidden'])]));
    // The device's token with a key it is not enrolled to is listed for the admin; strangers' probes are not.
    expect(foreign.map((sighting) => [sighting.device.name, sighting.publicKey])).toEqual([['HD0004', OTHER_KEY.publicKey]]);
  });

  it('refuses a replayed, re-targeted or stale proof with 401', async () => {
    const url = provisioning.urlFor('HD0004')!;
    const first = await signedFetch(url);
    expect(first.status).toBe(200);
    const proof = deviceRequestHeaders(DEVICE_KEY, 'GET', url);
    expect((await fetch(url, { headers: proof })).status).toBe(200);
    expect((await fetch(url, { headers: proof })).status).toBe(401); // the nonce is spent
    const other = provisioning.urlFor('HD0005')!;
    expect((await fetch(other, { headers: deviceRequestHeaders(DEVICE_KEY, 'GET', url) })).status).toBe(401); // signed for another path
    const stale = DEVICE_KEY.prove({ scope: 'http', method: 'GET', target: new URL(url).pathname }, Date.now() - 6 * 60_000);
    expect((await fetch(url, { headers: { Authorization: deviceAuthorization(stale) } })).status).toBe(401);
  });

  it('puts every device action behind the same check', async () => {
    const ping = provisioning.urlFor('HD0004')!.replace(/\.json$/, '/ping');
    expect((await fetch(ping, { method: 'POST' })).status).toBe(401);
    expect((await signedFetch(ping, { method: 'POST' }, OTHER_KEY)).status).toBe(403);
    const answered = await signedFetch(ping, { method: 'POST' });
    expect([answered.status, await answered.text()]).toEqual([200, 'pong HD0004']);
    expect((await signedFetch(ping.replace(/\/ping$/, '/nothing'), { method: 'POST' })).status).toBe(404);
  });

  it('answers HEAD without a body and other methods with 405', async () => {
    const url = provisioning.urlFor('HD0004')!;
    const head = await signedFetch(url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    const post = await signedFetch(url, { method: 'POST', body: '{}' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it("gives a device behind an SBC the SBC's WebSocket URL", async () => {
    const document = await (await signedFetch(provisioning.urlFor('HD0005')!)).json();
    expect(document.account.webSocketUrls).toEqual(['wss://sbc.example.com:8443/sip']);
    expect(document.sbc).toEqual({ host: 'sbc.example.com', port: 8443 });
  });

  it('answers 500 without details when a record cannot make a valid document', async () => {
    directory.identities.set('HD0004', { kind: 'user', extension: 'nobody', name: 'x', blf: [] });
    const response = await signedFetch(provisioning.urlFor('HD0004')!);
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
      proofs,
    });
    expect(byRecord.urlFor('HD0004')).toBe(`${origin}/provisioning/s7Q2aXv9LmN0pRtUwYz3Bc.json`);
    const response = await new Promise<{ status: number; body: string }>((resolve) => {
      const other = createServer((request, reply) => byRecord.http(request, reply));
      other.listen(0, '127.0.0.1', async () => {
        const url = `http://127.0.0.1:${(other.address() as AddressInfo).port}/provisioning/s7Q2aXv9LmN0pRtUwYz3Bc.json`;
        const fetched = await signedFetch(url);
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
