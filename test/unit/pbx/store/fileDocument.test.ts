import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openFileDocument } from '../../../../electron/pbx/store/fileDocument';
import { devicesSpec } from '../../../../electron/pbx/store/schema/devicesDoc';
import { DEFAULT_HOT_DESK_OPTIONS } from '../../../../shared/contracts';
import { pendingPhonesSpec } from '../../../../electron/pbx/store/schema/pendingPhonesDoc';
import { dialCodesSpec } from '../../../../electron/pbx/store/schema/settingsDocs';
import { StoreVersionError } from '../../../../electron/pbx/store/storeErrors';
import { DEFAULT_DIAL_CODES } from '../../../../shared/domain/dialCodes';
import { EMPTY_DISPATCHABLE_LOCATION } from '../../../../shared/domain/dispatchableLocation';
import { migrationContext, tempDir } from './support';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

describe('openFileDocument', () => {
  it('starts from the initial data when the file is absent, and writes an enveloped, versioned file', async () => {
    const file = path.join(tempDir(), 'dial-codes.json');
    const opened = await openFileDocument(file, dialCodesSpec, migrationContext());
    expect(opened.state).toBe('created');
    expect(opened.store.read()).toEqual(DEFAULT_DIAL_CODES);
    await opened.store.update((codes) => ({ next: { ...codes, pickup: '*21*' }, result: undefined }));
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ kind: 'hotdesk.dial-codes', version: 1, data: { ...DEFAULT_DIAL_CODES, pickup: '*21*' } });
    const reopened = await openFileDocument(file, dialCodesSpec, migrationContext());
    expect(reopened.state).toBe('opened');
    expect(reopened.store.read().pickup).toBe('*21*');
  });

  it('keeps the last committed file when a crash tore a write (a half-written temp file), and removes the temp file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'dial-codes.json');
    const first = await openFileDocument(file, dialCodesSpec, migrationContext());
    await first.store.update((codes) => ({ next: { ...codes, voicemail: '*98' }, result: undefined }));
    await first.store.close();
    // What a kill -9 in the middle of the next write leaves: the new content only partly written, and only in the temp file.
    writeFileSync(path.join(dir, '.dial-codes.json.999-abcdef.tmp'), '{"kind":"hotdesk.dial-codes","version":1,"data":{"log');
    const reopened = await openFileDocument(file, dialCodesSpec, migrationContext());
    expect([reopened.state, reopened.warning, reopened.store.read().voicemail]).toEqual(['opened', null, '*98']);
    expect(readdirSync(dir)).toEqual(['dial-codes.json']);
    await reopened.store.update((codes) => ({ next: { ...codes, voicemail: '*97' }, result: undefined }));
    expect(readdirSync(dir)).toEqual(['dial-codes.json']);
  });

  it('moves an unreadable file aside with a clear warning instead of replacing it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'dial-codes.json');
    writeFileSync(file, '{"kind":"hotdesk.dial-codes","version":1,"data":{"login":');
    const opened = await openFileDocument(file, dialCodesSpec, migrationContext());
    expect(opened.state).toBe('recovered');
    expect(opened.warning).toMatch(/dial-codes\.json was unreadable \(not valid JSON.*moved to .*dial-codes\.json\.broken-2025-03-01T09-00-00-000Z/);
    expect(existsSync(file)).toBe(false);
    expect(readFileSync(`${file}.broken-2025-03-01T09-00-00-000Z`, 'utf8')).toContain('"login":');
    expect(opened.store.read()).toEqual(DEFAULT_DIAL_CODES);
  });

  it('moves aside a file whose data breaks the schema, or that holds another kind of document', async () => {
    const dir = tempDir();
    const bad = path.join(dir, 'dial-codes.json');
    writeFileSync(bad, JSON.stringify({ kind: 'hotdesk.dial-codes', version: 1, data: { login: 77 } }));
    expect((await openFileDocument(bad, dialCodesSpec, migrationContext())).warning).toMatch(/invalid data \(login:/);
    const foreign = path.join(dir, 'devices.json');
    writeFileSync(foreign, JSON.stringify({ kind: 'hotdesk.dial-codes', version: 1, data: DEFAULT_DIAL_CODES }));
    expect((await openFileDocument(foreign, devicesSpec, migrationContext())).warning).toMatch(/holds "hotdesk.dial-codes"/);
  });

  it('refuses a file written by a newer PBX and leaves it in place', async () => {
    const file = path.join(tempDir(), 'dial-codes.json');
    const newer = JSON.stringify({ kind: 'hotdesk.dial-codes', version: 2, data: {} });
    writeFileSync(file, newer);
    await expect(openFileDocument(file, dialCodesSpec, migrationContext())).rejects.toBeInstanceOf(StoreVersionError);
    expect(readFileSync(file, 'utf8')).toBe(newer);
  });

  it('migrates a hand-written version 0 devices file to the current version, keeping the original as a backup', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'devices.json');
    const original = readFileSync(path.join(fixtures, 'devices-v0.json'), 'utf8');
    writeFileSync(file, original);
    const opened = await openFileDocument(file, devicesSpec, migrationContext());
    expect(opened.state).toBe('migrated');
    const [first, second] = opened.store.read().devices;
    expect(first).toMatchObject({
      name: 'HD0001',
      mac: '02:00:00:00:00:01',
      provisioning: 'pnp',
      sbc: null,
      template: null,
      options: {
        location: 'HQ, Building 1, Floor 2, Desk 14',
        timeZone: 'Europe/London',
        timeFormat: '12h',
        keysPerPage: 4,
        emergencyNumbers: ['999', '112'],
        language: 'en',
        ringTone: 'classic',
        autoLogout: { idleMinutes: null, maxSessionMinutes: null, dailyAt: null },
        dispatchableLocation: { ...EMPTY_DISPATCHABLE_LOCATION, text: 'HQ, Building 1, Floor 2, Desk 14' },
      },
      session: null,
      createdAt: '2025-03-01T09:00:00.000Z',
    });
    expect(first?.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(first?.sip.ha1).toMatch(/^[0-9a-f]{32}$/);
    expect(second?.name).toBe('HD0007');
    expect(second?.token).not.toBe(first?.token);
    expect(readFileSync(`${file}.v0.bak`, 'utf8')).toBe(original);
    const onDisk = JSON.parse(readFileSync(file, 'utf8')) as { kind: string; version: number };
    expect([onDisk.kind, onDisk.version]).toEqual(['hotdesk.devices', devicesSpec.version]);
    expect((await openFileDocument(file, devicesSpec, migrationContext())).state).toBe('opened');
  });

  it('migrates version 1 devices to version 2: no key enrolled, and a new token and pool credentials', async () => {
    const file = path.join(tempDir(), 'devices.json');
    const before = {
      name: 'HD0001',
      mac: '02:00:00:00:00:01',
      provisioning: 'pnp',
      sbc: null,
      template: null,
      options: DEFAULT_HOT_DESK_OPTIONS,
      token: 'AAAAAAAAAAAAAAAAAAAAAA',
      sip: { ha1: '0123456789abcdef0123456789abcdef', realm: 'hotdesk.test' },
      createdAt: '2025-03-01T09:00:00.000Z',
      updatedAt: '2025-03-01T09:00:00.000Z',
    };
    writeFileSync(file, JSON.stringify({ kind: 'hotdesk.devices', version: 1, data: { devices: [before] } }));
    const opened = await openFileDocument(file, devicesSpec, migrationContext());
    expect(opened.state).toBe('migrated');
    const after = opened.store.read().devices[0]!;
    expect(after).toMatchObject({ name: before.name, mac: before.mac, options: before.options, key: null });
    // Version 1 served documents to anyone naming a MAC: what it handed out is treated as known.
    expect(after.token).not.toBe(before.token);
    expect(after.sip.ha1).not.toBe(before.sip.ha1);
    await opened.store.close();
  });

  it('migrates version 1 pending phones to version 2: no key proved', async () => {
    const file = path.join(tempDir(), 'pending-phones.json');
    const phone = { mac: '02:00:00:00:00:09', userAgent: 'x', vendor: null, model: null, firmware: null, address: null, firstSeen: '2025-03-01T09:00:00.000Z', lastSeen: '2025-03-01T09:00:00.000Z' };
    writeFileSync(file, JSON.stringify({ kind: 'hotdesk.pending-phones', version: 1, data: { phones: [phone] } }));
    const opened = await openFileDocument(file, pendingPhonesSpec, migrationContext());
    expect(opened.store.read().phones).toEqual([{ ...phone, publicKey: null }]);
    await opened.store.close();
  });

  it('moves aside a version 0 file the migration cannot read', async () => {
    const file = path.join(tempDir(), 'devices.json');
    writeFileSync(file, JSON.stringify([{ name: 'HD0001', mac: 'not a mac' }]));
    const opened = await openFileDocument(file, devicesSpec, migrationContext());
    expect(opened.state).toBe('recovered');
    expect(opened.warning).toMatch(/migration from version 0 failed: device 1 has no name or MAC/);
  });
});
