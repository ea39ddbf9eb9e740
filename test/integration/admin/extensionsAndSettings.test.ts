import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_DIAL_CODES } from '../../../shared/domain/dialCodes';
import { testLicence } from '../../unit/pbx/hotdesk/support';
import { ADMIN, startApiServer, type ApiServer } from './support/apiServer';
import { EventStreamClient } from './support/eventStreamClient';

let server: ApiServer;
afterEach(async () => server?.stop());

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('admin API: extensions', () => {
  it('shows a hot-desk PIN lockout, pushes extension.locked, and unlocks with {"locked": false}', async () => {
    server = await startApiServer();
    const stream = await EventStreamClient.open(`${server.origin}/api/v1/events`, ADMIN);
    await stream.until(() => stream.comments.includes('connected'));
    expect((await server.request('GET', '/api/v1/extensions/101')).json).toMatchObject({ locked: false, lockedUntil: null });
    await server.hotDesk.extensions.lock('101', new Date('2025-03-01T09:15:00.000Z')); // the test clock stands at 09:00
    await stream.until(() => stream.events.length >= 1);
    expect(stream.events[0]).toMatchObject({ event: 'extension.locked', data: { extension: '101', until: '2025-03-01T09:15:00.000Z', item: { locked: true } } });
    expect((await server.request('GET', '/api/v1/extensions/101')).json).toMatchObject({ locked: true, lockedUntil: '2025-03-01T09:15:00.000Z' });
    expect((await server.request('PATCH', '/api/v1/extensions/101', { body: { locked: true } })).status).toBe(400);
    const unlocked = await server.request('PATCH', '/api/v1/extensions/101', { body: { locked: false } });
    expect([unlocked.status, (unlocked.json as Json).locked, (unlocked.json as Json).lockedUntil]).toEqual([200, false, null]);
    expect(server.hotDesk.audit.list({ kinds: ['extension.updated'] }).map((event) => [event.actor, event.extension, event.detail])).toEqual([['admin', '101', 'unlocked hot-desk login']]);
    stream.close();
  });

  it('lists and shows extensions without any PIN hash or SIP secret', async () => {
    server = await startApiServer();
    const list = await server.request('GET', '/api/v1/extensions');
    expect(((list.json as Json).extensions as Json[]).map((entry) => [entry.extension, entry.hotDesking, entry.pinSet])).toEqual([
      ['100', true, true],
      ['101', true, true],
      ['102', true, true],
      ['103', true, true],
      ['104', false, true],
      ['105', true, true],
    ]);
    const alice = await server.request('GET', '/api/v1/extensions/100');
    expect(alice.json).toMatchObject({ name: 'Alice Andrews', sip: { authUser: '100', realm: 'hotdesk.test' } });
    expect((alice.json as Json).blf[3]).toEqual({ type: 'speed-dial', number: '0', label: 'Reception' });
    expect(list.text + alice.text).not.toMatch(/ha1|scrypt|salt|hash|482619/);
    expect((await server.request('GET', '/api/v1/extensions/999')).status).toBe(404);
    expect((await server.request('GET', '/api/v1/extensions/abc')).status).toBe(404);
  });

  it('changes name, hot desking, PIN (write-only, policy-checked) and BLF positions', async () => {
    server = await startApiServer();
    const weak = await server.request('PATCH', '/api/v1/extensions/104', { body: { pin: '444444' } });
    expect(weak.status).toBe(400);
    expect(weak.json).toMatchObject({ error: { code: 'weak-pin', message: 'The PIN must not be one digit repeated (like 111111).', fields: [{ field: 'pin' }] } });
    const blf = [{ type: 'blf', extension: '100', label: 'Alice' }, null, { type: 'line', label: 'Line 1' }];
    const changed = await server.request('PATCH', '/api/v1/extensions/104', { body: { hotDesking: true, name: 'Erin E.', pin: '620584', blf } });
    expect(changed.status).toBe(200);
    expect(changed.json).toMatchObject({ extension: '104', hotDesking: true, name: 'Erin E.', pinSet: true, blf });
    expect(changed.text).not.toContain('620584');
    expect(await server.hotDesk.extensions.verifyPin('104', '620584')).toBe(true);
    expect(server.hotDesk.audit.list({ kinds: ['extension.updated'] })).toMatchObject([{ extension: '104', detail: 'name, hotDesking, pin changed, blf' }]);
    const badBlf = await server.request('PATCH', '/api/v1/extensions/104', { body: { blf: [{ type: 'blf', label: 'no extension' }] } });
    expect((badBlf.json as Json).error.fields[0].field).toMatch(/^blf\.0/);
  });

  it('creates an extension (SIP password shown once) and deletes it', async () => {
    server = await startApiServer();
    const created = await server.request('POST', '/api/v1/extensions', { body: { extension: '106', name: 'Gina Green', hotDesking: true, pin: '730195' } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ extension: '106', pinSet: true, sipPassword: expect.stringMatching(/^[A-Za-z0-9_-]{20}$/) });
    expect((await server.request('GET', '/api/v1/extensions/106')).text).not.toContain('sipPassword');
    expect((await server.request('POST', '/api/v1/extensions', { body: { extension: '106', name: 'Again' } })).status).toBe(409);
    expect((await server.request('DELETE', '/api/v1/extensions/106')).status).toBe(204);
    expect((await server.request('GET', '/api/v1/extensions/106')).status).toBe(404);
  });
});

describe('admin API: dial codes, settings, licence, audit', () => {
  it('reads and saves dial codes, refusing codes that clash with hot desking (409, naming them)', async () => {
    server = await startApiServer();
    expect((await server.request('GET', '/api/v1/dial-codes')).json).toEqual(DEFAULT_DIAL_CODES);
    const clash = await server.request('PUT', '/api/v1/dial-codes', { body: { ...DEFAULT_DIAL_CODES, pickup: '*7' } });
    expect(clash.status).toBe(409);
    expect(clash.json).toMatchObject({ error: { code: 'dial-code-clash', message: expect.stringContaining('pickup (*7)'), details: { clashes: ['pickup'] } } });
    const saved = await server.request('PUT', '/api/v1/dial-codes', { body: { ...DEFAULT_DIAL_CODES, voicemail: '*98' } });
    expect([saved.status, (saved.json as Json).voicemail]).toEqual([200, '*98']);
    expect((await server.request('PUT', '/api/v1/dial-codes', { body: { login: '*77*' } })).json).toMatchObject({ error: { code: 'validation' } });
  });

  it('reads and changes the PIN minimum length within 4–10', async () => {
    server = await startApiServer();
    expect((await server.request('GET', '/api/v1/settings')).json).toEqual({ pinMinLength: 6, emergencyWebhook: null, multipleLogins: 'logout-other' });
    expect((await server.request('PATCH', '/api/v1/settings', { body: { pinMinLength: 11 } })).status).toBe(400);
    expect((await server.request('PATCH', '/api/v1/settings', { body: { pinMinLength: 4 } })).json).toEqual({ pinMinLength: 4, emergencyWebhook: null, multipleLogins: 'logout-other' });
    expect((await server.request('PATCH', '/api/v1/extensions/100', { body: { pin: '2580' } })).status).toBe(200);
  });

  it('shows the licence and installs a new one, refusing invalid tokens with the reason', async () => {
    server = await startApiServer({ mode: 'site', licence: 'none' });
    expect((await server.request('GET', '/api/v1/licence')).json).toMatchObject({ edition: 'free', source: 'none', hotDesking: false });
    const bad = await server.request('PUT', '/api/v1/licence', { body: { token: `${testLicence().slice(0, -4)}AAAA` } });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ error: { code: 'invalid-licence', message: expect.stringContaining('signature') } });
    const installed = await server.request('PUT', '/api/v1/licence', { body: { token: testLicence({ licensee: 'ACME Ltd', maxHotDeskDevices: 5 }) } });
    expect(installed.json).toMatchObject({ edition: 'pro', source: 'installed', state: 'valid', licensee: 'ACME Ltd', maxHotDeskDevices: 5, hotDesking: true });
    expect((await server.request('POST', '/api/v1/devices', { body: { mac: '02:00:00:00:00:04' } })).status).toBe(201);
  });

  it('returns the audit log as JSON or CSV, filtered by time and kind', async () => {
    server = await startApiServer();
    await server.request('POST', '/api/v1/devices', { body: { mac: '02:00:00:00:00:04' } });
    await server.request('PATCH', '/api/v1/extensions/101', { body: { name: 'Bob "Bobby" Brown, Jr' } });
    const all = await server.request('GET', '/api/v1/audit');
    expect(((all.json as Json).events as Json[]).map((event) => event.kind)).toEqual(['device.created', 'extension.updated']);
    const filtered = await server.request('GET', '/api/v1/audit?kind=extension.updated&since=2025-03-01T08:00:00Z&limit=5');
    expect(((filtered.json as Json).events as Json[]).map((event) => event.extension)).toEqual(['101']);
    const csv = await server.request('GET', '/api/v1/audit?format=csv');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toContain('hotdesk-audit.csv');
    expect(csv.text.split('\r\n')[0]).toBe('id,at,kind,actor,device,extension,mac,detail');
    expect(csv.text.split('\r\n')).toHaveLength(4);
    const badQuery = await server.request('GET', '/api/v1/audit?since=yesterday&colour=red');
    expect(badQuery.status).toBe(400);
    expect(((badQuery.json as Json).error.fields as Json[]).map((issue) => issue.field).sort()).toEqual(['query', 'since']);
  });

  it('sets the multiple-login policy: logout-other (default), deny or allow', async () => {
    server = await startApiServer();
    for (const policy of ['deny', 'allow', 'logout-other']) {
      expect((await server.request('PATCH', '/api/v1/settings', { body: { multipleLogins: policy } })).json).toEqual({ pinMinLength: 6, emergencyWebhook: null, multipleLogins: policy });
    }
    const bad = await server.request('PATCH', '/api/v1/settings', { body: { multipleLogins: 'kick' } });
    expect([bad.status, ((bad.json as Json).error.fields as Json[])[0]?.field]).toEqual([400, 'multipleLogins']);
    expect(server.hotDesk.audit.list({ kinds: ['settings.updated'] }).map((event) => event.detail)).toEqual(['multipleLogins', 'multipleLogins', 'multipleLogins']);
  });

  it('filters the audit log by extension, device and time (from/to)', async () => {
    server = await startApiServer();
    const { audit } = server.hotDesk;
    await audit.append({ kind: 'hotdesk.login', actor: '100', extension: '100', device: 'HD0001' });
    await audit.append({ kind: 'hotdesk.pin-failed', extension: '101', device: 'HD0002', detail: 'wrong PIN' });
    await audit.append({ kind: 'hotdesk.logout', actor: 'admin', extension: '100', device: 'HD0001', detail: 'forced by the administrator (admin)' });
    const kinds = async (query: string) => (((await server.request('GET', `/api/v1/audit?${query}`)).json as Json).events as Json[]).map((event) => event.kind);
    expect(await kinds('extension=100')).toEqual(['hotdesk.login', 'hotdesk.logout']);
    expect(await kinds('device=HD0002')).toEqual(['hotdesk.pin-failed']);
    expect(await kinds('extension=100&kind=hotdesk.logout')).toEqual(['hotdesk.logout']);
    expect(await kinds('from=2025-03-01T08:00:00Z&to=2025-03-01T10:00:00Z')).toHaveLength(3); // the test clock stands at 09:00
    expect(await kinds('from=2025-03-01T09:00:00.001Z')).toEqual([]);
    expect(await kinds('to=2025-03-01T09:00:00Z')).toEqual([]);
    const csv = await server.request('GET', '/api/v1/audit?format=csv&extension=100');
    expect(csv.text.split('\r\n').slice(1, -1).map((row) => row.split(',').slice(2, 6).join(','))).toEqual(['hotdesk.login,100,HD0001,100', 'hotdesk.logout,admin,HD0001,100']);
    const bad = await server.request('GET', '/api/v1/audit?extension=1x&device=HD1');
    expect(((bad.json as Json).error.fields as Json[]).map((issue) => issue.field).sort()).toEqual(['device', 'extension']);
  });
});
