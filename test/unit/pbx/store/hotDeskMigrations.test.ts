import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFileDocument } from '../../../../electron/pbx/store/fileDocument';
import type { DocumentSpec } from '../../../../electron/pbx/store/migrations';
import { devicesSpec } from '../../../../electron/pbx/store/schema/devicesDoc';
import { extensionsSpec } from '../../../../electron/pbx/store/schema/extensionsDoc';
import { pbxSettingsSpec } from '../../../../electron/pbx/store/schema/settingsDocs';
import { DEFAULT_HOT_DESK_OPTIONS } from '../../../../shared/contracts';
import { migrationContext, tempDir } from './support';

const AT = '2025-03-01T09:00:00.000Z';
const SIP = { ha1: '0123456789abcdef0123456789abcdef', realm: 'hotdesk.test' };

/** Writes `data` as a file of `spec` at `version`, opens it, and returns what the PBX reads and what is on disk now. */
async function openVersion<T>(spec: DocumentSpec<T>, version: number, data: unknown) {
  const file = path.join(tempDir(), 'document.json');
  writeFileSync(file, JSON.stringify({ kind: spec.kind, version, data }));
  const opened = await openFileDocument(file, spec, migrationContext());
  const onDisk = JSON.parse(readFileSync(file, 'utf8')) as { version: number };
  return { state: opened.state, data: opened.store.read(), version: onDisk.version };
}

describe('hot-desk store migrations: nothing is lost, the new fields start empty', () => {
  it('devices v3 → v4: every device is idle (no session); its enrolled key stays', async () => {
    const key = { publicKey: 'k'.repeat(43), enrolledAt: AT };
    const device = { name: 'HD0001', mac: '02:00:00:00:00:01', provisioning: 'pnp', sbc: null, template: null, options: DEFAULT_HOT_DESK_OPTIONS, token: 'A'.repeat(22), sip: SIP, key, createdAt: AT, updatedAt: AT };
    const opened = await openVersion(devicesSpec, 3, { devices: [device] });
    expect(opened).toEqual({ state: 'migrated', data: { devices: [{ ...device, session: null }] }, version: 4 });
  });

  it('extensions v1 → v2: no extension is locked', async () => {
    const extension = { extension: '100', name: 'Alice Andrews', hotDesking: true, pin: null, sip: SIP, blf: [null], createdAt: AT, updatedAt: AT };
    const opened = await openVersion(extensionsSpec, 1, { extensions: [extension] });
    expect(opened).toEqual({ state: 'migrated', data: { extensions: [{ ...extension, lockedUntil: null }] }, version: 2 });
  });

  it('settings v2 → v3: the multiple-login policy is logout-other', async () => {
    const opened = await openVersion(pbxSettingsSpec, 2, { pinMinLength: 8, emergencyWebhook: null });
    expect(opened).toEqual({ state: 'migrated', data: { pinMinLength: 8, emergencyWebhook: null, multipleLogins: 'logout-other' }, version: 3 });
  });
});
