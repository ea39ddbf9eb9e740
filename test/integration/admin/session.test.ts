import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, startApiServer, type ApiServer } from './support/apiServer';
import { EventStreamClient } from './support/eventStreamClient';

const CONSOLE = { 'X-Hotdesk-Console': '1' };
const SIGN_IN = { user: 'admin', password: 'admin' };

let server: ApiServer;
afterEach(async () => server?.stop());

async function signIn(extra: Record<string, string> = CONSOLE): Promise<{ cookie: string; setCookie: string }> {
  const response = await server.request('POST', '/api/v1/session', { auth: null, body: SIGN_IN, headers: extra });
  expect(response.status).toBe(201);
  const setCookie = response.headers.get('set-cookie') ?? '';
  return { cookie: setCookie.split(';')[0] ?? '', setCookie };
}

describe("admin API: the console's session cookie", () => {
  it('signs in with the form fields: an HttpOnly, SameSite=Strict cookie for /api that authenticates like Basic', async () => {
    server = await startApiServer();
    const { cookie, setCookie } = await signIn();
    expect(setCookie).toMatch(/^hotdesk_console_\d+=[A-Za-z0-9_-]{43}; Path=\/api; HttpOnly; SameSite=Strict$/);
    const who = await server.request('GET', '/api/v1/session', { auth: null, headers: { Cookie: cookie } });
    expect(who.json).toEqual({ user: 'admin', idleTimeoutSeconds: 1800 });
    const devices = await server.request('GET', '/api/v1/devices', { auth: null, headers: { Cookie: cookie } });
    expect(devices.status).toBe(200);
    // HTTP Basic keeps working for scripts, with no console header.
    expect((await server.request('POST', '/api/v1/devices', { body: { mac: '02:00:00:00:00:0a' } })).status).toBe(201);
  });

  it('refuses wrong credentials without a Basic challenge for the console, and throttles them like Basic', async () => {
    server = await startApiServer({ maxAuthFailures: 3 });
    for (let attempt = 0; attempt < 3; attempt++) {
      const wrong = await server.request('POST', '/api/v1/session', { auth: null, body: { user: 'admin', password: `guess${attempt}` }, headers: CONSOLE });
      expect(wrong.status).toBe(401);
      expect(wrong.headers.get('www-authenticate')).toBeNull();
      expect(wrong.headers.get('set-cookie')).toBeNull();
    }
    const throttled = await server.request('POST', '/api/v1/session', { auth: null, body: SIGN_IN, headers: CONSOLE });
    expect(throttled.status).toBe(429);
    expect((await server.request('GET', '/api/v1/devices')).status).toBe(429); // the same throttle as Basic
  });

  it('needs the console header for sign-in and for state-changing requests made with the cookie (CSRF)', async () => {
    server = await startApiServer();
    const noHeader = await server.request('POST', '/api/v1/session', { auth: null, body: SIGN_IN });
    expect(noHeader.status).toBe(403);
    expect(noHeader.headers.get('set-cookie')).toBeNull();
    const { cookie } = await signIn();
    const forged = await server.request('POST', '/api/v1/devices', { auth: null, body: { mac: '02:00:00:00:00:0b' }, headers: { Cookie: cookie } });
    expect(forged.status).toBe(403);
    expect((forged.json as { error: { code: string } }).error.code).toBe('console-header-required');
    const crossSite = await server.request('POST', '/api/v1/devices', { auth: null, body: { mac: '02:00:00:00:00:0b' }, headers: { Cookie: cookie, ...CONSOLE, Origin: 'http://evil.example' } });
    expect(crossSite.status).toBe(403);
    expect(server.hotDesk.devices.findByMac('02:00:00:00:00:0b' as never)).toBeNull();
    const real = await server.request('POST', '/api/v1/devices', { auth: null, body: { mac: '02:00:00:00:00:0b' }, headers: { Cookie: cookie, ...CONSOLE } });
    expect(real.status).toBe(201);
  });

  it('sign-out ends the session and its event stream at once; the cookie no longer works', async () => {
    server = await startApiServer();
    const { cookie } = await signIn();
    const stream = await EventStreamClient.open(`${server.origin}/api/v1/events`, null, { Cookie: cookie });
    expect(stream.response.statusCode).toBe(200);
    await stream.until(() => stream.comments.includes('connected'));
    const out = await server.request('DELETE', '/api/v1/session', { auth: null, headers: { Cookie: cookie, ...CONSOLE } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    await stream.until(() => stream.ended);
    const after = await server.request('GET', '/api/v1/devices', { auth: null, headers: { Cookie: cookie, ...CONSOLE } });
    expect(after.status).toBe(401);
    expect((after.json as { error: { message: string } }).error.message).toContain('sign in again');
  });

  it('expires after the idle timeout, and every request restarts the timer', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    server = await startApiServer({ now: () => now });
    const { cookie } = await signIn();
    const get = () => server.request('GET', '/api/v1/session', { auth: null, headers: { Cookie: cookie } });
    now += 29 * 60_000;
    expect((await get()).status).toBe(200);
    now += 29 * 60_000;
    expect((await get()).status).toBe(200);
    now += 30 * 60_000;
    expect((await get()).status).toBe(401);
    expect((await server.request('GET', '/api/v1/session', { auth: ADMIN })).json).toMatchObject({ user: 'admin' });
  });

  it('a made-up or malformed cookie is no session', async () => {
    server = await startApiServer();
    await signIn();
    const port = new URL(server.origin).port;
    for (const value of ['A'.repeat(43), 'short', '../../etc']) {
      const response = await server.request('GET', '/api/v1/devices', { auth: null, headers: { Cookie: `hotdesk_console_${port}=${value}` } });
      expect(response.status).toBe(401);
    }
  });
});
