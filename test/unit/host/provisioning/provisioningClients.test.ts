import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { deviceOptionsFromDocument, identityFromDocument, phoneAccountFromDocument } from '../../../../electron/host/provisioning/documentView';
import { ProvisioningClients } from '../../../../electron/host/provisioning/provisioningClients';
import { phoneAccountSchema, deviceOptionsSchema } from '../../../../shared/contracts';
import type { Mac } from '../../../../shared/domain/mac';
import { DEVICE_KEY, validDocument } from '../../pbx/provisioning/fixtures';

describe('ProvisioningClients', () => {
  it('runs one client per MAC in use and stops it when the last page lets go', async () => {
    const started: Mac[] = [];
    const stopped: Mac[] = [];
    const clients = new ProvisioningClients({
      dataDir: mkdtempSync(path.join(tmpdir(), 'hotdesk-clients-')),
      version: '0.1.0',
      deviceKey: DEVICE_KEY,
      pnpWebSocketUrl: () => 'ws://127.0.0.1:5170/sip',
      manualUrl: () => null,
      startPnp: (mac) => {
        started.push(mac);
        return { stop: () => stopped.push(mac) };
      },
    });
    const a = '02:00:00:00:00:0a' as Mac;
    const first = clients.acquire(a);
    const second = clients.acquire(a);
    const other = clients.acquire('02:00:00:00:00:0b' as Mac);
    expect(second.client).toBe(first.client);
    await vi.waitFor(() => expect([...started].sort()).toEqual([a, '02:00:00:00:00:0b']));
    first.release();
    first.release();
    expect(clients.get(a)).toBe(second.client);
    second.release();
    expect(clients.get(a)).toBeUndefined();
    expect(stopped).toEqual([a]);
    clients.close();
    expect(stopped).toEqual([a, '02:00:00:00:00:0b']);
    other.release();
  });
});

describe('document → bridge views', () => {
  it('gives the phone account, identity and Options the bridge contracts expect', () => {
    const document = validDocument();
    expect(phoneAccountSchema.parse(phoneAccountFromDocument(document))).toEqual({
      webSocketUrl: 'ws://127.0.0.1:5170/sip',
      uri: 'sip:HD0004@hotdesk.local',
      authUser: 'HD0004',
      displayName: 'HD0004',
      credentials: { kind: 'ha1', ha1: document.account.credentials.kind === 'ha1' ? document.account.credentials.ha1 : '', realm: 'hotdesk.local' },
    });
    expect(identityFromDocument(document)).toEqual({ kind: 'pool', name: 'HD0004' });
    expect(deviceOptionsSchema.strict().parse(deviceOptionsFromDocument(document))).toMatchObject({ location: 'HQ, Building 1, Floor 2, Desk 16' });
  });
});
