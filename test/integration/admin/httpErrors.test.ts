import { request as httpRequest } from 'node:http';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AdminCredentials } from '../../../electron/pbx/admin/adminCredentials';
import { startApiServer, type ApiServer } from './support/apiServer';

let server: ApiServer;
afterEach(async () => server?.stop());

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A raw request (node:http), for bodies fetch will not send as-is. */
function raw(origin: string, options: { method: string; path: string; headers: Record<string, string>; chunks: Buffer[] }): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${origin}${options.path}`, { method: options.method, headers: options.headers }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body, headers: response.headers }));
    });
    request.on('error', reject);
    for (const chunk of options.chunks) request.write(chunk);
    request.end();
  });
}

describe('admin API: authentication', () => {
  it('asks for Basic credentials (401 + WWW-Authenticate) and refuses wrong ones', async () => {
    server = await startApiServer();
    const missing = await server.request('GET', '/api/v1/devices', { auth: null });
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Basic realm="Hotdesk"');
    expect(missing.json).toEqual({ error: { code: 'authentication-required', message: 'This API needs HTTP Basic credentials' } });
    const wrong = await server.request('GET', '/api/v1/devices', { auth: `Basic ${Buffer.from('admin:hunter2').toString('base64')}` });
    expect([wrong.status, (wrong.json as Json).error.code]).toEqual([401, 'unauthorized']);
    expect((await server.request('GET', '/api/v1/devices', { auth: 'Basic !!!' })).status).toBe(401);
    expect((await server.request('GET', '/api/v1/nothing-here', { auth: null })).status).toBe(401);
  });

  it('serves the OpenAPI document without credentials', async () => {
    server = await startApiServer();
    const doc = await server.request('GET', '/api/v1/openapi.json', { auth: null });
    expect([doc.status, (doc.json as Json).openapi]).toEqual([200, '3.1.0']);
  });

  it('throttles an address after repeated wrong passwords (429), even for the right one', async () => {
    server = await startApiServer({ maxAuthFailures: 3 });
    const wrong = `Basic ${Buffer.from('admin:nope').toString('base64')}`;
    for (let attempt = 0; attempt < 3; attempt += 1) expect((await server.request('GET', '/api/v1/devices', { auth: wrong })).status).toBe(401);
    const blocked = await server.request('GET', '/api/v1/devices');
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe('60');
  });
});

describe('admin API: parallel password guessing', () => {
  it('lets at most maxAuthFailures of 300 parallel guesses reach the password hash; the rest get 429', async () => {
    server = await startApiServer({ maxAuthFailures: 10 });
    const hashed = vi.spyOn(AdminCredentials.prototype, 'verify');
    const guesses = Array.from({ length: 300 }, (_unused, n) => `Basic ${Buffer.from(`admin:guess-${n}`).toString('base64')}`);
    const statuses = await Promise.all(guesses.map(async (auth) => (await server.request('GET', '/api/v1/devices', { auth })).status));
    expect(hashed.mock.calls.length).toBeLessThanOrEqual(10);
    expect(statuses.filter((status) => status === 401)).toHaveLength(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(290);
    expect((await server.request('GET', '/api/v1/devices')).status).toBe(429);
    hashed.mockRestore();
  });

  it('still serves a console that sends many requests at once with the right password', async () => {
    server = await startApiServer({ maxAuthFailures: 3 });
    const statuses = await Promise.all(Array.from({ length: 30 }, async () => (await server.request('GET', '/api/v1/devices')).status));
    expect(statuses).toEqual(Array(30).fill(200));
  });
});

describe('admin API: HTTP errors', () => {
  it('leaves paths outside /api/v1 to the next handler', async () => {
    server = await startApiServer();
    const other = await fetch(`${server.origin}/admin`);
    expect([other.status, await other.text()]).toEqual([404, 'not the API']);
    expect((await fetch(`${server.origin}/api/v10/devices`)).status).toBe(404);
  });

  it('answers unknown paths 404 and wrong methods 405 with Allow, as JSON', async () => {
    server = await startApiServer();
    const missing = await server.request('GET', '/api/v1/desks');
    expect([missing.status, (missing.json as Json).error.code]).toEqual([404, 'not-found']);
    const method = await server.request('DELETE', '/api/v1/devices');
    expect(method.status).toBe(405);
    expect(method.headers.get('allow')).toBe('GET, POST');
    expect((method.json as Json).error.code).toBe('method-not-allowed');
    expect((await server.request('PUT', '/api/v1/devices/HD0001', { body: {} })).headers.get('allow')).toBe('GET, PATCH, DELETE');
  });

  it('answers 415 to a non-JSON body and 400 to unparsable JSON or a missing body', async () => {
    server = await startApiServer();
    const form = await server.request('POST', '/api/v1/devices', { rawBody: 'mac=02:00:00:00:00:04', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect([form.status, (form.json as Json).error.code]).toEqual([415, 'unsupported-media-type']);
    const broken = await server.request('POST', '/api/v1/devices', { rawBody: '{"mac": ' });
    expect([broken.status, (broken.json as Json).error.code]).toEqual([400, 'invalid-json']);
    const empty = await server.request('POST', '/api/v1/devices');
    expect(empty.json).toMatchObject({ error: { code: 'validation', fields: [{ field: 'body' }] } });
    const notObject = await server.request('POST', '/api/v1/devices', { body: [1, 2] });
    expect(notObject.status).toBe(400);
  });

  it('names every invalid and unknown field in a 400', async () => {
    server = await startApiServer();
    const invalid = await server.request('POST', '/api/v1/devices', { body: { mac: 5, provisioning: 'fax', colour: 'red', sbc: { host: '', port: 70000 } } });
    expect(invalid.status).toBe(400);
    const fields = ((invalid.json as Json).error.fields as Json[]).map((issue) => issue.field).sort();
    expect(fields).toEqual(['body', 'mac', 'provisioning', 'sbc.host', 'sbc.port']);
    expect((invalid.json as Json).error.message).toContain('unknown field(s): colour');
  });

  it('answers 413 to bodies over 64 KiB, declared or streamed, and keeps serving', async () => {
    server = await startApiServer();
    const big = Buffer.alloc(70 * 1024, 0x20);
    const declared = await raw(server.origin, {
      method: 'POST',
      path: '/api/v1/devices',
      headers: { Authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}`, 'Content-Type': 'application/json', 'Content-Length': String(big.length) },
      chunks: [big],
    });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toMatchObject({ error: { code: 'payload-too-large' } });
    const streamed = await raw(server.origin, {
      method: 'POST',
      path: '/api/v1/devices',
      headers: { Authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}`, 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      chunks: Array.from({ length: 10 }, () => Buffer.alloc(10 * 1024, 0x20)),
    });
    expect(streamed.status).toBe(413);
    expect((await server.request('GET', '/api/v1/devices')).status).toBe(200);
  });

  it('refuses state-changing requests from another site (403), allows same-origin ones', async () => {
    server = await startApiServer();
    const cross = await server.request('POST', '/api/v1/devices', { body: { mac: '02:00:00:00:00:04' }, headers: { Origin: 'https://evil.example' } });
    expect([cross.status, (cross.json as Json).error.code]).toEqual([403, 'cross-origin']);
    const fetchSite = await server.request('DELETE', '/api/v1/devices/HD0001', { headers: { 'Sec-Fetch-Site': 'cross-site' } });
    expect(fetchSite.status).toBe(403);
    const same = await server.request('POST', '/api/v1/devices', { body: { mac: '02:00:00:00:00:04' }, headers: { Origin: server.origin } });
    expect(same.status).toBe(201);
  });

  it('answers a badly encoded path with 400', async () => {
    server = await startApiServer();
    expect((await server.request('GET', '/api/v1/devices/%E0%A4%A')).status).toBe(400);
  });

  it('never crashes or answers 500 on arbitrary JSON bodies', async () => {
    server = await startApiServer();
    const targets: Array<[string, string]> = [
      ['POST', '/api/v1/devices'],
      ['PATCH', '/api/v1/devices/HD0001'],
      ['POST', '/api/v1/phones/02:00:00:00:00:01/assign'],
      ['POST', '/api/v1/extensions'],
      ['PATCH', '/api/v1/extensions/100'],
      ['PUT', '/api/v1/dial-codes'],
      ['PUT', '/api/v1/licence'],
      ['PATCH', '/api/v1/settings'],
    ];
    const field = fc.oneof(fc.jsonValue(), fc.string(), fc.constantFrom('02:00:00:00:00:09', '*70', '123456', 'HD0001', null));
    const body = fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom('mac', 'options', 'sbc', 'template', 'pin', 'name', 'blf', 'device', 'token', 'login', 'pickup', 'extension', 'pinMinLength'), field));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), body, async ([method, path], value) => {
        const response = await server.request(method, path, { rawBody: JSON.stringify(value) ?? 'null' });
        expect(response.status).toBeLessThan(500);
        expect(response.json === undefined ? response.status : (response.json as Json).error?.code ?? 'ok').toBeTruthy();
      }),
      { numRuns: 150 },
    );
    expect((await server.request('GET', '/api/v1/devices')).status).toBe(200);
  });
});
