import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestAuthorization, searchDirectory } from '../../electron/host/directory/directoryClient';
import { parseDigestCredentials } from '../../shared/sip/digestHeader';
import { DIRECTORY_PATH } from '../../shared/sip/phoneDirectory';
import { BridgeTestClient, httpGet } from './support/bridgeClient';
import { createUa, startAndRegister, stopUa } from './support/jssipNode';
import { startTestServices } from './support/deviceServices';

let services: Awaited<ReturnType<typeof startTestServices>>;
let url: string;
const md5 = (text: string) => createHash('md5').update(text).digest('hex');

beforeAll(async () => {
  services = await startTestServices();
  url = `${services.origin}${DIRECTORY_PATH}`;
});
afterAll(async () => {
  await services.stop();
});

/** Earns a challenge for `target`, then answers it as `user` with the HA1 of `password`. */
async function answered(target: string, user: string, password: string) {
  const first = await httpGet(`${services.origin}${target}`);
  const challenge = parseDigestCredentials(String(first.headers['www-authenticate']));
  if (!challenge) throw new Error(`no challenge: ${first.status}`);
  const authorization = digestAuthorization(user, md5(`${user}:${challenge.get('realm')}:${password}`), challenge, target);
  return { authorization, response: await httpGet(`${services.origin}${target}`, { Authorization: authorization }) };
}

describe('the phone directory over HTTP Digest (RFC 7616), on the real PBX', () => {
  it("opens with a user's own SIP credentials and lists names and numbers only", async () => {
    const entries = await searchDirectory({ url, authUser: '101', credentials: { kind: 'password', password: 'sip-101' } }, 'car');
    expect(entries).toEqual([{ number: '102', name: 'Carol Chen' }]);
    const { response } = await answered(`${DIRECTORY_PATH}?q=`, '101', 'sip-101');
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = JSON.parse(response.body) as { entries: Array<Record<string, unknown>> };
    expect(body.entries.length).toBeGreaterThanOrEqual(6);
    for (const entry of body.entries) expect(Object.keys(entry).sort()).toEqual(['name', 'number']);
    expect(response.body).not.toMatch(/ha1|pin|password|sip-10|token|HD000/i);
  });

  it('finds by number prefix and by any word of the name, case and accents aside', async () => {
    const target = { url, authUser: '100', credentials: { kind: 'password', password: 'sip-100' } } as const;
    expect(await searchDirectory(target, '10')).toHaveLength(6);
    expect(await searchDirectory(target, 'BROWN')).toEqual([{ number: '101', name: 'Bob Brown' }]);
    expect(await searchDirectory(target, 'zzz')).toEqual([]);
  });

  it('is the HA1 the device host holds that answers, with the same realm as SIP', async () => {
    const credentials = services.pbx?.credentialsFor('103');
    if (!credentials) throw new Error('no credentials for 103');
    const entries = await searchDirectory({ url, authUser: '103', credentials: { kind: 'ha1', ha1: credentials.ha1, realm: credentials.realm } }, 'dan');
    expect(entries).toEqual([{ number: '103', name: 'Dan Diaz' }]);
  });

  it('refuses no credentials, a wrong password, a pool identity and a replayed or re-targeted answer', async () => {
    const none = await httpGet(`${url}?q=a`);
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toMatch(/^Digest realm="hotdesk\.local", nonce="[^"]+".*qop="auth"/);
    expect(none.body).not.toContain('Carol');

    expect((await answered(`${DIRECTORY_PATH}?q=a`, '101', 'wrong')).response.status).toBe(401);
    expect((await answered(`${DIRECTORY_PATH}?q=a`, '999', 'sip-999')).response.status).toBe(401);
    const pool = services.pbx?.credentialsFor('HD0001');
    if (!pool) throw new Error('no pool credentials');
    await expect(searchDirectory({ url, authUser: 'HD0001', credentials: { kind: 'ha1', ha1: pool.ha1, realm: pool.realm } }, 'a')).rejects.toThrow(/refused/);

    const { authorization, response } = await answered(`${DIRECTORY_PATH}?q=b`, '104', 'sip-104');
    expect(response.status).toBe(200);
    // The same answer again (same nonce and count) or for another search is not accepted.
    expect((await httpGet(`${url}?q=b`, { Authorization: authorization })).status).toBe(401);
    expect((await httpGet(`${url}?q=c`, { Authorization: authorization })).status).toBe(400);
  });

  it('rate-limits each user and refuses other methods and long searches', async () => {
    const statuses: number[] = [];
    for (let index = 0; index < 14; index += 1) statuses.push((await answered(`${DIRECTORY_PATH}?q=${index}`, '105', 'sip-105')).response.status);
    expect(statuses.slice(0, 8).every((status) => status === 200)).toBe(true);
    expect(statuses).toContain(429);
    // Another user is not slowed down by 105's searches.
    expect((await answered(`${DIRECTORY_PATH}?q=x`, '100', 'sip-100')).response.status).toBe(200);
    expect((await answered(`${DIRECTORY_PATH}?q=${'a'.repeat(41)}`, '100', 'sip-100')).response.status).toBe(400);
  });

  it('is searched through the bridge by a demo softphone page, as its extension; an idle device has none', async () => {
    const page = await BridgeTestClient.openPage(services.origin, '?account=101');
    const answer = await page.request('directory.search', ['erin']);
    expect(answer).toMatchObject({ ok: true, result: { status: 'ok', entries: [{ number: '104', name: 'Erin Evans' }] } });
    expect(await page.request('device.view')).toMatchObject({ ok: true, result: { directory: true } });
    page.close();

    const idle = await BridgeTestClient.openPage(services.origin, '?mac=02:00:00:00:00:02');
    await idle.provisionedView();
    expect(await idle.request('directory.search', ['erin'])).toMatchObject({ ok: true, result: { status: 'unavailable' } });
    expect(await idle.request('directory.search', ['x'.repeat(41)])).toMatchObject({ ok: false });
    idle.close();
  });

  it("counts wrong passwords towards SIP's lockout: guesses over HTTP then lock the user's REGISTER from that address", async () => {
    for (let guess = 0; guess < 10; guess += 1) expect((await answered(`${DIRECTORY_PATH}?q=g${guess}`, '102', `guess-${guess}`)).response.status).toBe(401);
    const ua = createUa({ wsUrl: `${services.origin.replace(/^http/, 'ws')}/sip`, user: '102', password: 'sip-102' });
    try {
      expect(await startAndRegister(ua)).toMatchObject({ registered: false, status: 403 });
    } finally {
      await stopUa(ua);
    }
  });
});
