import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileDocumentStore } from '../../../electron/host/provisioning/documentStore';
import { fetchProvisioningDocument } from '../../../electron/host/provisioning/fetchDocument';
import { postProvisioningLogout } from '../../../electron/host/provisioning/logoutRequest';
import { ProvisioningClient } from '../../../electron/host/provisioning/provisioningClient';
import type { Mac } from '../../../shared/domain/mac';
import { startTcpGate, type TcpGate } from '../support/tcpGate';
import { ADMIN, HOST_KEY, useHotDeskPbx } from './support/hotDeskRig';
import { untilState } from '../provisioning/support/untilState';

const rig = useHotDeskPbx();
const MAC = '02:00:00:00:00:01' as Mac;
let gate: TcpGate | null = null;
const clients: ProvisioningClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.stop();
  await gate?.stop();
  gate = null;
});

/** HD0001's device host: its provisioning client, reaching the PBX's HTTP through a gate the test can close. */
function deviceHost(dataDir: string, documentUrl: string): ProvisioningClient {
  const client = new ProvisioningClient({
    mac: MAC,
    store: new FileDocumentStore(path.join(dataDir, 'provisioning')),
    manualUrl: () => null,
    pnpWebSocketUrl: () => rig.server.wsUrl,
    // What plug-and-play hands a device of the demo: its URL, here through the gate.
    startPnp: (_mac, _url, callbacks) => {
      callbacks.onUrl(documentUrl);
      return { stop: () => undefined };
    },
    // The host's own request helpers, proving the key the demo devices are enrolled to.
    fetchDocument: (url, etag) => fetchProvisioningDocument(url, etag, { deviceKey: HOST_KEY }),
    postLogout: (url, reason) => postProvisioningLogout(url, reason, { deviceKey: HOST_KEY }),
    retryMs: { min: 50, max: 200 },
  });
  clients.push(client);
  void client.start();
  return client;
}

async function deviceStatus(name: string): Promise<{ status: string; extension: string | null }> {
  const response = await fetch(`${rig.server.origin}/api/v1/devices`, { headers: ADMIN });
  const { devices } = (await response.json()) as { devices: Array<{ name: string; status: string; extension: string | null }> };
  const device = devices.find((candidate) => candidate.name === name);
  if (!device) throw new Error(`no device ${name}`);
  return device;
}

describe('the Logout key while the PBX cannot be reached (device host over the real PBX)', () => {
  it('wipes the user and shows the desk idle at once, keeps the logout across a restart, and finishes it when the PBX answers', async () => {
    const origin = new URL(rig.server.origin);
    gate = await startTcpGate({ host: origin.hostname, port: Number(origin.port) });
    const documentUrl = (rig.server.pbx.provisioning.urlFor('HD0001') as string).replace(origin.host, `127.0.0.1:${gate.port}`);
    const dataDir = mkdtempSync(path.join(tmpdir(), 'hotdesk-device-it-'));
    const host = deviceHost(dataDir, documentUrl);
    await untilState(host, (state) => state.document?.identity.kind === 'pool');

    // Alice logs in at the desk through the real IVR; the device host re-fetches on the check-sync.
    const desk = await rig.desk('HD0001');
    await desk.logIn('100', '482619');
    const loggedIn = await host.resync();
    expect(loggedIn.document?.identity).toEqual({ kind: 'user', extension: '100', name: 'Alice Andrews' });
    expect((await deviceStatus('HD0001')).status).toBe('logged-in');

    await gate.close();
    expect(await host.logout('user')).toBe('pending');
    const pending = host.state();
    expect(pending.document?.identity).toEqual({ kind: 'pool', name: 'HD0001' }); // idle at once
    expect(pending.pendingLogout).toMatchObject({ extension: '100', reason: 'user' });
    expect(pending.error).toMatch(/unreachable/);
    const onDisk = readFileSync(path.join(dataDir, 'provisioning', '020000000001.json'), 'utf8');
    expect(onDisk).not.toContain('Alice');
    expect(onDisk).toContain('"pendingLogout"');
    expect((await deviceStatus('HD0001')).status).toBe('logged-in'); // the PBX has not heard yet

    // The device restarts while the PBX is still unreachable: it comes back idle, the logout still pending.
    host.stop();
    const restarted = deviceHost(dataDir, documentUrl);
    const resumed = await untilState(restarted, (state) => state.pendingLogout !== null);
    expect(resumed.document?.identity).toEqual({ kind: 'pool', name: 'HD0001' });

    const checkSync = desk.nextCheckSync();
    await gate.open();
    const done = await untilState(restarted, (state) => state.pendingLogout === null);
    expect(done.document?.identity).toEqual({ kind: 'pool', name: 'HD0001' });
    expect(done.error).toBeNull();
    expect(await deviceStatus('HD0001')).toMatchObject({ status: expect.not.stringMatching(/logged-in/), extension: null });
    await checkSync; // the PBX told the desk's phone too
    expect(readFileSync(path.join(dataDir, 'provisioning', '020000000001.json'), 'utf8')).not.toContain('pendingLogout');
    const logouts = rig.server.pbx.hotDesk.audit.list().filter((event) => event.kind === 'hotdesk.logout' && event.device === 'HD0001');
    expect(logouts.at(-1)).toMatchObject({ actor: 'user', extension: '100' });
  });
});
