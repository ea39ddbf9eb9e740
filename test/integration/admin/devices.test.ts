import { afterEach, describe, expect, it } from 'vitest';
import type { Mac } from '../../../shared/domain/mac';
import { startApiServer, type ApiServer } from './support/apiServer';
import { DeviceKey } from '../../../electron/host/identity/deviceKey';

let server: ApiServer;
afterEach(async () => server?.stop());

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('admin API: hot-desking devices', () => {
  it('lists the demo devices with status, location, provisioning and options', async () => {
    server = await startApiServer();
    const { status, json } = await server.request('GET', '/api/v1/devices');
    expect(status).toBe(200);
    const devices = (json as Json).devices as Json[];
    expect(devices.map((device) => [device.name, device.mac, device.status, device.extension, device.since])).toEqual([
      ['HD0001', '02:00:00:00:00:01', 'offline', null, null],
      ['HD0002', '02:00:00:00:00:02', 'offline', null, null],
      ['HD0003', '02:00:00:00:00:03', 'offline', null, null],
    ]);
    expect(devices[0]).toMatchObject({ location: 'HQ, Building 1, Floor 2, Desk 14', provisioning: { method: 'pnp', url: null }, sbc: null, template: null });
    expect(JSON.stringify(json)).not.toMatch(/ha1|token/);
    expect(devices[0]?.enrolment).toBeNull();
  });

  it('reports idle and logged-in from the hooks', async () => {
    const since = new Date('2025-03-01T10:00:00Z');
    server = await startApiServer({
      hooks: {
        isRegistered: (name) => name !== 'HD0003',
        sessionOf: (name) => (name === 'HD0002' ? { extension: '100', since } : null),
        provisioningUrl: (device) => `http://127.0.0.1:5170/provisioning/${device.token}`,
      },
    });
    const devices = ((await server.request('GET', '/api/v1/devices')).json as Json).devices as Json[];
    expect(devices.map((device) => [device.status, device.extension, device.since])).toEqual([
      ['idle', null, null],
      ['logged-in', '100', '2025-03-01T10:00:00.000Z'],
      ['offline', null, null],
    ]);
    expect(devices[0]?.provisioning.url).toBe(`http://127.0.0.1:5170/provisioning/${server.hotDesk.devices.get('HD0001')?.token}`);
  });

  it('creates a device as HD0004, audits it, and refuses templates, bad MACs and duplicates', async () => {
    server = await startApiServer();
    const created = await server.request('POST', '/api/v1/devices', {
      body: { mac: '02:00:00:00:00:04', provisioning: 'url', sbc: { host: '203.0.113.5', port: 5443 }, options: { location: 'Branch, Desk 1', timeZone: 'Europe/Berlin', emergencyNumbers: ['112'] } },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('/api/v1/devices/HD0004');
    expect(created.json).toMatchObject({ name: 'HD0004', mac: '02:00:00:00:00:04', status: 'offline', location: 'Branch, Desk 1', provisioning: { method: 'url' }, sbc: { host: '203.0.113.5', port: 5443 } });
    expect(server.hotDesk.audit.list()).toMatchObject([{ kind: 'device.created', actor: 'admin', device: 'HD0004', mac: '02:00:00:00:00:04' }]);

    const template = await server.request('POST', '/api/v1/devices', { body: { mac: '02:00:00:00:00:05', template: 'my-template' } });
    expect(template.status).toBe(400);
    expect(template.json).toMatchObject({ error: { code: 'template-not-allowed', message: expect.stringContaining('Custom provisioning templates cannot be used on hot-desking devices'), fields: [{ field: 'template' }] } });

    const badMac = await server.request('POST', '/api/v1/devices', { body: { mac: 'zz:zz' } });
    expect(badMac.json).toMatchObject({ error: { code: 'validation', fields: [{ field: 'mac' }] } });
    const duplicate = await server.request('POST', '/api/v1/devices', { body: { mac: '02-00-00-00-00-01' } });
    expect([duplicate.status, (duplicate.json as Json).error.message]).toEqual([409, 'MAC 02:00:00:00:00:01 already belongs to HD0001']);
    const badZone = await server.request('POST', '/api/v1/devices', { body: { mac: '02:00:00:00:00:06', options: { timeZone: 'Mars/Olympus', keysPerPage: 0 } } });
    expect((badZone.json as Json).error.fields.map((issue: Json) => issue.field).sort()).toEqual(['options.keysPerPage', 'options.timeZone']);
  });

  it('refuses to create a device without a PRO licence (403) until one is installed', async () => {
    server = await startApiServer({ mode: 'site', licence: 'none' });
    const refused = await server.request('POST', '/api/v1/devices', { body: { mac: '02:00:00:00:00:04' } });
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ error: { code: 'licence-required', message: expect.stringContaining('PRO or Enterprise licence') } });
  });

  it('edits a device and tells the PnP side only when its provisioning document changed', async () => {
    const changed: string[] = [];
    server = await startApiServer({ hooks: { onDeviceChanged: (name) => changed.push(name) } });
    const edited = await server.request('PATCH', '/api/v1/devices/HD0002', { body: { options: { keysPerPage: 8, autoLogout: { idleMinutes: 15 } }, sbc: { host: 'sbc.example.net', port: 443 } } });
    expect(edited.status).toBe(200);
    expect(edited.json).toMatchObject({ options: { keysPerPage: 8, autoLogout: { idleMinutes: 15 } }, sbc: { host: 'sbc.example.net', port: 443 } });
    expect(changed).toEqual(['HD0002']);
    await server.request('PATCH', '/api/v1/devices/HD0002', { body: { options: { keysPerPage: 8 } } });
    expect(changed).toEqual(['HD0002']);
    expect((await server.request('PATCH', '/api/v1/devices/HD0002', { body: { template: 'custom' } })).status).toBe(400);
    expect((await server.request('PATCH', '/api/v1/devices/HD0009', { body: {} })).status).toBe(404);
  });

  it('gets and deletes a device (deletion also tells the PnP side)', async () => {
    const changed: string[] = [];
    server = await startApiServer({ hooks: { onDeviceChanged: (name) => changed.push(name) } });
    expect((await server.request('GET', '/api/v1/devices/HD0003')).json).toMatchObject({ name: 'HD0003' });
    expect((await server.request('GET', '/api/v1/devices/nonsense')).status).toBe(404);
    const deleted = await server.request('DELETE', '/api/v1/devices/HD0003');
    expect([deleted.status, deleted.text]).toEqual([204, '']);
    expect(changed).toEqual(['HD0003']);
    expect((await server.request('GET', '/api/v1/devices/HD0003')).json).toMatchObject({ error: { code: 'not-found', message: 'No hot-desking device HD0003' } });
    expect((await server.request('DELETE', '/api/v1/devices/HD0003')).status).toBe(404);
  });

  it('force-logs-out through the hook, and answers 409 when nobody is logged in', async () => {
    server = await startApiServer();
    const idle = await server.request('POST', '/api/v1/devices/HD0001/logout');
    expect(idle.status).toBe(409);
    expect(idle.json).toEqual({ error: { code: 'not-logged-in', message: 'HD0001 is not logged in' } });
    await server.stop();
    const loggedOut: string[] = [];
    server = await startApiServer({ hooks: { logout: async (name, actor) => (loggedOut.push(`${name} by ${actor}`), 'logged-out' as const) } });
    const done = await server.request('POST', '/api/v1/devices/HD0002/logout');
    expect([done.status, (done.json as Json).name, loggedOut]).toEqual([200, 'HD0002', ['HD0002 by admin']]);
    expect((await server.request('POST', '/api/v1/devices/HD0042/logout')).status).toBe(404);
  });
});

describe('admin API: pending phones and Assign Ext', () => {
  const KEY = DeviceKey.generate();
  const OTHER = DeviceKey.generate();
  const phone = (mac: string, key: DeviceKey | null = KEY) => ({
    mac: mac as Mac,
    userAgent: 'Hotdesk/0.1 (PnP)',
    vendor: 'Hotdesk',
    model: 'Kiosk',
    firmware: '0.1',
    publicKey: key?.publicKey ?? null,
    seenAt: new Date('2025-03-01T09:00:00Z'),
  });

  it('lists pending phones with the device set up for their MAC', async () => {
    server = await startApiServer();
    await server.hotDesk.pendingPhones.upsert(phone('02:00:00:00:00:02'));
    await server.hotDesk.pendingPhones.upsert(phone('02:00:00:00:00:99'));
    const phones = ((await server.request('GET', '/api/v1/phones')).json as Json).phones as Json[];
    expect(phones.map((entry) => [entry.mac, entry.device, entry.userAgent, entry.firstSeen])).toEqual([
      ['02:00:00:00:00:02', 'HD0002', 'Hotdesk/0.1 (PnP)', '2025-03-01T09:00:00.000Z'],
      ['02:00:00:00:00:99', null, 'Hotdesk/0.1 (PnP)', '2025-03-01T09:00:00.000Z'],
    ]);
  });

  it('assigns a pending phone to the device with its MAC, notifies the PnP side and drops it from the list', async () => {
    const assigned: Array<[string, string]> = [];
    server = await startApiServer({ hooks: { onAssigned: (mac, name) => assigned.push([mac, name]) } });
    await server.request('POST', '/api/v1/devices', { body: { mac: '02:00:00:00:00:04' } });
    await server.hotDesk.pendingPhones.upsert(phone('02:00:00:00:00:04'));
    const result = await server.request('POST', '/api/v1/phones/02:00:00:00:00:04/assign', { body: { device: 'HD0004' } });
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({ mac: '02:00:00:00:00:04', device: { name: 'HD0004' } });
    expect(assigned).toEqual([['02:00:00:00:00:04', 'HD0004']]);
    expect(server.hotDesk.pendingPhones.list()).toEqual([]);
    expect(server.hotDesk.audit.list({ kinds: ['phone.assigned'] })).toMatchObject([{ device: 'HD0004', mac: '02:00:00:00:00:04' }]);
  });

  it('refuses to assign a phone to a device set up for another MAC (409), unknown devices and phones (404)', async () => {
    const assigned: string[] = [];
    server = await startApiServer({ hooks: { onAssigned: (mac) => assigned.push(mac) } });
    await server.hotDesk.pendingPhones.upsert(phone('02:00:00:00:00:99'));
    const mismatch = await server.request('POST', '/api/v1/phones/02:00:00:00:00:99/assign', { body: { device: 'HD0001' } });
    expect(mismatch.status).toBe(409);
    expect((mismatch.json as Json).error.message).toBe(
      "HD0001 is set up for MAC 02:00:00:00:00:01, not for this phone (02:00:00:00:00:99); change HD0001's MAC or create a device for 02:00:00:00:00:99 first",
    );
    expect((await server.request('POST', '/api/v1/phones/02:00:00:00:00:99/assign', { body: { device: 'HD0077' } })).status).toBe(404);
    expect((await server.request('POST', '/api/v1/phones/02:00:00:00:00:55/assign', { body: { device: 'HD0001' } })).json).toMatchObject({
      error: { code: 'not-found', message: 'No pending phone with MAC 02:00:00:00:00:55' },
    });
    expect((await server.request('POST', '/api/v1/phones/banana/assign', { body: { device: 'HD0001' } })).status).toBe(404);
    expect((await server.request('POST', '/api/v1/phones/02:00:00:00:00:99/assign', { body: { device: 'Desk 1' } })).status).toBe(400);
    expect(assigned).toEqual([]);
    expect(server.hotDesk.pendingPhones.list()).toHaveLength(1);
  });

  it('lists each phone with the fingerprint of the key it proved, and flags a key its MAC is not enrolled to', async () => {
    server = await startApiServer();
    await server.hotDesk.devices.enrol('HD0002', KEY.publicKey);
    await server.hotDesk.pendingPhones.upsert(phone('02:00:00:00:00:02', OTHER));
    await server.hotDesk.pendingPhones.upsert(phone('02:00:00:00:00:03', null));
    await server.hotDesk.pendingPhones.upsert(phone('02:00:00:00:00:99'));
    const phones = ((await server.request('GET', '/api/v1/phones')).json as Json).phones as Json[];
    expect(phones.map((entry) => [entry.mac, entry.fingerprint, entry.keyMismatch])).toEqual([
      ['02:00:00:00:00:02', OTHER.fingerprint, true],
      ['02:00:00:00:00:03', null, false],
      ['02:00:00:00:00:99', KEY.fingerprint, false],
    ]);
    expect(JSON.stringify(phones)).not.toContain(OTHER.publicKey);
  });

  it('enrols the device to the key the phone proved; assigning another key later makes a new token and pool credentials', async () => {
    const changed: string[] = [];
    server = await startApiServer({ hooks: { onDeviceChanged: (name) => changed.push(name) } });
    const before = server.hotDesk.devices.get('HD0002')!;
    await server.hotDesk.pendingPhones.upsert(phone('02:00:00:00:00:02'));
    const first = await server.request('POST', '/api/v1/phones/02:00:00:00:00:02/assign', { body: { device: 'HD0002', fingerprint: KEY.fingerprint } });
    expect(first.status).toBe(200);
    expect((first.json as Json).device.enrolment).toEqual({ fingerprint: KEY.fingerprint, enrolledAt: '2025-03-01T09:00:00.000Z' });
    const enrolled = server.hotDesk.devices.get('HD0002')!;
    expect([enrolled.token, enrolled.sip]).toEqual([before.token, before.sip]);
    expect(changed).toEqual([]);

    await server.hotDesk.pendingPhones.upsert(phone('02:00:00:00:00:02', OTHER));
    expect((await server.request('POST', '/api/v1/phones/02:00:00:00:00:02/assign', { body: { device: 'HD0002' } })).status).toBe(200);
    const rotated = server.hotDesk.devices.get('HD0002')!;
    expect(rotated.key?.publicKey).toBe(OTHER.publicKey);
    expect(rotated.token).not.toBe(enrolled.token);
    expect(rotated.sip.ha1).not.toBe(enrolled.sip.ha1);
    expect(changed).toEqual(['HD0002']); // check-sync tells the replaced device
    expect(server.hotDesk.audit.list({ kinds: ['phone.assigned'] }).at(-1)?.detail).toContain(`key ${OTHER.fingerprint}; re-enrolled`);
  });

  it('refuses to assign a phone that proved no key, or whose key is not the fingerprint the admin confirmed (409)', async () => {
    const assigned: string[] = [];
    server = await startApiServer({ hooks: { onAssigned: (mac) => assigned.push(mac) } });
    await server.hotDesk.pendingPhones.upsert(phone('02:00:00:00:00:02', null));
    const keyless = await server.request('POST', '/api/v1/phones/02:00:00:00:00:02/assign', { body: { device: 'HD0002' } });
    expect([keyless.status, (keyless.json as Json).error.message]).toEqual([409, 'The phone 02:00:00:00:00:02 proved no device key; only a phone that signs its plug-and-play request can be assigned']);
    await server.hotDesk.pendingPhones.upsert(phone('02:00:00:00:00:02', OTHER));
    const changedKey = await server.request('POST', '/api/v1/phones/02:00:00:00:00:02/assign', { body: { device: 'HD0002', fingerprint: KEY.fingerprint } });
    expect(changedKey.status).toBe(409);
    expect(changedKey.json).toMatchObject({ error: { code: 'conflict', fields: [{ field: 'fingerprint' }], details: { fingerprint: OTHER.fingerprint } } });
    expect((await server.request('POST', '/api/v1/phones/02:00:00:00:00:02/assign', { body: { device: 'HD0002', fingerprint: 'short' } })).status).toBe(400);
    expect(assigned).toEqual([]);
    expect(server.hotDesk.devices.get('HD0002')?.key).toBeNull();
  });

  it('dismisses a pending phone', async () => {
    server = await startApiServer();
    await server.hotDesk.pendingPhones.upsert(phone('02:00:00:00:00:99'));
    expect((await server.request('DELETE', '/api/v1/phones/02-00-00-00-00-99')).status).toBe(204);
    expect((await server.request('DELETE', '/api/v1/phones/02-00-00-00-00-99')).status).toBe(404);
  });
});
