import { describe, expect, it } from 'vitest';
import { allocatePoolName } from '../../../../electron/pbx/core/hotdesk/poolNames';
import { createHotDesk } from '../../../../electron/pbx/core/hotdesk/hotDesk';
import type { HotDeskChange } from '../../../../electron/pbx/core/hotdesk/changeFeed';
import { HotDeskError } from '../../../../electron/pbx/core/hotdesk/hotDeskErrors';
import { makeHotDesk, REALM, seededBytes, TEST_KEYS, testLicence } from './support';

async function refusal(promise: Promise<unknown>): Promise<HotDeskError> {
  const error = await promise.then(() => null, (reason: unknown) => reason);
  expect(error).toBeInstanceOf(HotDeskError);
  return error as HotDeskError;
}

describe('pool name allocation', () => {
  it('takes the lowest free HDnnnn', () => {
    expect(allocatePoolName([])).toBe('HD0001');
    expect(allocatePoolName(['HD0001', 'HD0002', 'HD0003'])).toBe('HD0004');
    expect(allocatePoolName(['HD0001', 'HD0003', 'not-a-pool-name'])).toBe('HD0002');
  });

  it('says so when all 9999 names are taken', () => {
    const all = Array.from({ length: 9999 }, (_unused, index) => `HD${String(index + 1).padStart(4, '0')}`);
    expect(() => allocatePoolName(all)).toThrow(/All 9999/);
  });
});

describe('DeviceRepository', () => {
  it('has the demo devices HD0001–HD0003 with their MACs and locations in demo mode', async () => {
    const { hotDesk } = await makeHotDesk();
    expect(hotDesk.devices.list().map((device) => [device.name, device.mac, device.options.location])).toEqual([
      ['HD0001', '02:00:00:00:00:01', 'HQ, Building 1, Floor 2, Desk 14'],
      ['HD0002', '02:00:00:00:00:02', 'HQ, Building 1, Floor 2, Desk 15'],
      ['HD0003', '02:00:00:00:00:03', 'HQ, Building 1, Floor 3, Desk 2'],
    ]);
    expect(hotDesk.devices.findByMac('02:00:00:00:00:01')?.options.emergencyNumbers).toEqual(['911', '112', '999']);
  });

  it('creates devices under the next free name with a fresh token and pool credentials', async () => {
    const { hotDesk } = await makeHotDesk();
    const changes: HotDeskChange[] = [];
    hotDesk.changes.subscribe((change) => changes.push(change));
    const created = await hotDesk.devices.create({ mac: '02-00-00-00-00-0A', sbc: { host: 'sbc.example.com', port: 5061 }, options: { keysPerPage: 4, autoLogout: { idleMinutes: 30 } } });
    expect(created).toMatchObject({ name: 'HD0004', mac: '02:00:00:00:00:0a', provisioning: 'pnp', sbc: { host: 'sbc.example.com', port: 5061 }, template: null });
    expect(created.options).toMatchObject({ keysPerPage: 4, timeZone: 'UTC', autoLogout: { idleMinutes: 30, maxSessionMinutes: null, dailyAt: null } });
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(new Set(hotDesk.devices.list().map((device) => device.token)).size).toBe(4);
    expect(hotDesk.devices.findByToken(created.token)?.name).toBe('HD0004');
    expect(hotDesk.sipAccount('HD0004')).toMatchObject({ kind: 'pool', ha1: created.sip.ha1, realm: 'hotdesk.test' });
    expect(changes).toEqual([{ type: 'device.created', name: 'HD0004' }]);
    await hotDesk.devices.remove('HD0002');
    expect((await hotDesk.devices.create({ mac: '02:00:00:00:00:0b' })).name).toBe('HD0002');
  });

  it('refuses a custom provisioning template with a clear error, on create and on edit', async () => {
    const { hotDesk } = await makeHotDesk();
    const onCreate = await refusal(hotDesk.devices.create({ mac: '02:00:00:00:00:0a', template: 'yealink-custom.xml' }));
    expect(onCreate.code).toBe('template-not-allowed');
    expect(onCreate.message).toContain('Custom provisioning templates cannot be used on hot-desking devices');
    expect(onCreate.field).toBe('template');
    expect((await refusal(hotDesk.devices.update('HD0001', { template: 'mine' }))).code).toBe('template-not-allowed');
    expect((await hotDesk.devices.update('HD0001', { template: null })).provisioningChanged).toBe(false);
    expect(hotDesk.devices.list()).toHaveLength(3);
  });

  it('needs a PRO or Enterprise licence to create a device', async () => {
    const { hotDesk } = await makeHotDesk({ mode: 'site', licence: 'none' });
    const error = await refusal(hotDesk.devices.create({ mac: '02:00:00:00:00:0a' }));
    expect(error.code).toBe('licence-required');
    expect(error.message).toMatch(/Hot desking needs a PRO or Enterprise licence \(this PBX has the free edition\)/);
    await hotDesk.licence.install(testLicence({ edition: 'free' }));
    expect((await refusal(hotDesk.devices.create({ mac: '02:00:00:00:00:0a' }))).code).toBe('licence-required');
    await hotDesk.licence.install(testLicence({ edition: 'enterprise', maxHotDeskDevices: 1 }));
    expect((await hotDesk.devices.create({ mac: '02:00:00:00:00:0a' })).name).toBe('HD0001');
    const limit = await refusal(hotDesk.devices.create({ mac: '02:00:00:00:00:0b' }));
    expect(limit.code).toBe('licence-limit');
    expect(limit.message).toContain('allows 1 hot-desking devices');
  });

  it('refuses bad and duplicate MACs', async () => {
    const { hotDesk } = await makeHotDesk();
    expect((await refusal(hotDesk.devices.create({ mac: 'nope' }))).field).toBe('mac');
    expect((await refusal(hotDesk.devices.create({ mac: '00:00:00:00:00:00' }))).code).toBe('validation');
    const duplicate = await refusal(hotDesk.devices.create({ mac: '02:00:00:00:00:02' }));
    expect([duplicate.code, duplicate.message]).toEqual(['conflict', 'MAC 02:00:00:00:00:02 already belongs to HD0002']);
    expect((await refusal(hotDesk.devices.update('HD0001', { mac: '02:00:00:00:00:03' }))).code).toBe('conflict');
    expect((await hotDesk.devices.update('HD0001', { mac: '02:00:00:00:00:01' })).provisioningChanged).toBe(false);
  });

  it('reports which edits change the provisioning document, keeping name, token and credentials', async () => {
    const { hotDesk, clock } = await makeHotDesk();
    const before = hotDesk.devices.get('HD0001')!;
    const changes: HotDeskChange[] = [];
    hotDesk.changes.subscribe((change) => changes.push(change));
    clock.advance(60_000);
    const { device, provisioningChanged } = await hotDesk.devices.update('HD0001', { options: { timeFormat: '12h', autoLogout: { dailyAt: '18:30' } } });
    expect(provisioningChanged).toBe(true);
    expect(device.options).toMatchObject({ timeFormat: '12h', location: before.options.location, autoLogout: { dailyAt: '18:30', idleMinutes: null } });
    expect([device.name, device.token, device.sip, device.createdAt]).toEqual([before.name, before.token, before.sip, before.createdAt]);
    expect(device.updatedAt).toBe('2025-03-01T09:01:00.000Z');
    expect(changes).toEqual([{ type: 'device.updated', name: 'HD0001', provisioning: true }]);
    expect((await hotDesk.devices.update('HD0001', { options: { timeFormat: '12h' } })).provisioningChanged).toBe(false);
    expect((await refusal(hotDesk.devices.update('HD0099', {}))).code).toBe('not-found');
  });
});

describe('DeviceRepository: device enrolment', () => {
  const KEY_A = 'A'.repeat(43);
  const KEY_B = 'B'.repeat(43);

  it('enrols a device to a key, keeping its token and credentials the first time', async () => {
    const { hotDesk, clock } = await makeHotDesk();
    const before = hotDesk.devices.get('HD0002')!;
    expect(before.key).toBeNull();
    const changes: HotDeskChange[] = [];
    hotDesk.changes.subscribe((change) => changes.push(change));
    clock.advance(1000);
    const { device, rotated } = await hotDesk.devices.enrol('HD0002', KEY_A);
    expect(rotated).toBe(false);
    expect(device.key).toEqual({ publicKey: KEY_A, enrolledAt: '2025-03-01T09:00:01.000Z' });
    expect([device.token, device.sip]).toEqual([before.token, before.sip]);
    expect(changes).toEqual([{ type: 'device.updated', name: 'HD0002', provisioning: true }]);
    expect(await hotDesk.devices.enrol('HD0002', KEY_A)).toEqual({ device, rotated: false });
    expect(changes).toHaveLength(1);
    expect((await refusal(hotDesk.devices.enrol('HD0099', KEY_A))).code).toBe('not-found');
  });

  it('re-enrolling to another key makes a new token and new pool credentials', async () => {
    const { hotDesk } = await makeHotDesk();
    const first = (await hotDesk.devices.enrol('HD0002', KEY_A)).device;
    const { device, rotated } = await hotDesk.devices.enrol('HD0002', KEY_B);
    expect(rotated).toBe(true);
    expect(device.key?.publicKey).toBe(KEY_B);
    expect(device.token).not.toBe(first.token);
    expect(device.sip.ha1).not.toBe(first.sip.ha1);
    expect(hotDesk.devices.findByToken(first.token)).toBeNull();
    expect(hotDesk.devices.findByToken(device.token)?.name).toBe('HD0002');
    expect(hotDesk.sipAccount('HD0002')?.ha1).toBe(device.sip.ha1);
  });

  it('a new MAC drops the key and makes a new token and new pool credentials', async () => {
    const { hotDesk } = await makeHotDesk();
    const enrolled = (await hotDesk.devices.enrol('HD0002', KEY_A)).device;
    const { device, provisioningChanged } = await hotDesk.devices.update('HD0002', { mac: '02:00:00:00:00:22' });
    expect(provisioningChanged).toBe(true);
    expect(device.key).toBeNull();
    expect(device.token).not.toBe(enrolled.token);
    expect(device.sip.ha1).not.toBe(enrolled.sip.ha1);
    const same = (await hotDesk.devices.update('HD0002', { mac: '02-00-00-00-00-22', options: { keysPerPage: 8 } })).device;
    expect([same.token, same.sip]).toEqual([device.token, device.sip]); // the same MAC written again is no new device
  });

  it('in demo mode enrols the demo devices to the local host, and re-enrols them to a new host key', async () => {
    const { hotDesk, store } = await makeHotDesk({ localDeviceKey: KEY_A });
    expect(hotDesk.devices.list().map((device) => device.key?.publicKey)).toEqual([KEY_A, KEY_A, KEY_A]);
    const before = hotDesk.devices.get('HD0001')!;
    const restarted = await createHotDesk(store, { mode: 'demo', realm: REALM, licence: { publicKeyPem: TEST_KEYS.publicKeyPem, demoToken: null }, localDeviceKey: KEY_B, randomBytes: seededBytes('restart') });
    const after = restarted.devices.get('HD0001')!;
    expect(after.key?.publicKey).toBe(KEY_B);
    expect(after.token).not.toBe(before.token);
    const { hotDesk: site } = await makeHotDesk({ mode: 'site', localDeviceKey: KEY_A });
    expect(site.devices.list()).toEqual([]); // site mode seeds nothing and enrols nothing by itself
  });
});
