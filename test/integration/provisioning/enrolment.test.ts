import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startAndRegister, stopUa } from '../support/jssipNode';
import { DeviceKey } from '../../../electron/host/identity/deviceKey';
import { ProvisioningClients } from '../../../electron/host/provisioning/provisioningClients';
import { DEVICE_PROOF_SIP_HEADER, formatDeviceProof, sipProofTarget } from '../../../shared/sip/deviceProof';
import type { Mac } from '../../../shared/domain/mac';
import { macDeviceId } from '../../../shared/sip/plugAndPlay';
import type { ProvisioningDocument } from '../../../shared/sip/provisioningDocument';
import { RawSipClient } from '../support/rawSipClient';
import { startTestPbx, type TestPbx } from '../support/pbxServer';
import { signedFetch } from '../../unit/pbx/provisioning/fixtures';
import { createUaFromDocument } from './support/documentUa';

// The device host that runs this PBX (its demo devices are enrolled to it), and another one on the LAN.
const HOST = DeviceKey.generate();
const STRANGER = DeviceKey.generate();
const HD0001_MAC = '02:00:00:00:00:01' as Mac;
const ADMIN = { Authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` };

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let server: TestPbx;
const clients: RawSipClient[] = [];

beforeAll(async () => {
  server = await startTestPbx({ localDeviceKey: HOST.publicKey });
});
afterAll(async () => {
  for (const client of clients) client.close();
  await server.stop();
});

/** The 200 for a NOTIFY the PBX sent, so the subscription stays up. */
function okFor(notify: string): string {
  const lines = notify.split('\r\n').filter((line) => /^(via|from|to|call-id|cseq):/i.test(line));
  return ['SIP/2.0 200 OK', ...lines, 'Content-Length: 0', '', ''].join('\r\n');
}

function bodyOf(message: string): string {
  return message.slice(message.indexOf('\r\n\r\n') + 4);
}

/** A PnP SUBSCRIBE over a raw SIP WebSocket for `mac`, proving `key` (or nothing); resolves with the first NOTIFY's body. */
async function subscribe(mac: Mac, key: DeviceKey | null): Promise<{ client: RawSipClient; status: number; body: string }> {
  const client = await RawSipClient.connect(server.wsUrl);
  clients.push(client);
  const uri = `sip:${macDeviceId(mac)}@127.0.0.1`;
  const cseq = client.nextCSeq();
  const proof = key ? [`${DEVICE_PROOF_SIP_HEADER}: ${formatDeviceProof(key.prove({ scope: 'sip', method: 'SUBSCRIBE', target: sipProofTarget(mac, client.callId) }))}`] : [];
  const headers = ['Event: ua-profile;profile-type="device";vendor="Raw";model="Test";version="1"', 'Expires: 300', 'Accept: application/url', ...proof];
  client.send(client.request('SUBSCRIBE', uri, { from: uri, cseq, headers }));
  const { status } = await client.response(cseq, 'SUBSCRIBE');
  if (status !== 200) return { client, status, body: '' };
  const notify = await client.next((message) => message.startsWith('NOTIFY '));
  client.send(okFor(notify));
  return { client, status, body: bodyOf(notify) };
}

async function phones(): Promise<Json[]> {
  return ((await (await fetch(`${server.origin}/api/v1/phones`, { headers: ADMIN })).json()) as Json).phones as Json[];
}

describe('device enrolment over real sockets', () => {
  let documentUrl = '';
  let document: ProvisioningDocument;

  it('gives no provisioning URL to a SUBSCRIBE that names an enrolled MAC but proves no key; the console flags it', async () => {
    const { status, body } = await subscribe(HD0001_MAC, null);
    expect([status, body]).toEqual([200, '']);
    await vi.waitFor(async () => expect((await phones()).find((phone) => phone.mac === HD0001_MAC)).toMatchObject({ device: 'HD0001', fingerprint: null, keyMismatch: true }));
  });

  it('gives no URL to a SUBSCRIBE proving another key, and lists it as a key mismatch with that key’s fingerprint', async () => {
    const { status, body } = await subscribe(HD0001_MAC, STRANGER);
    expect([status, body]).toEqual([200, '']);
    await vi.waitFor(async () =>
      expect((await phones()).find((phone) => phone.mac === HD0001_MAC)).toMatchObject({ device: 'HD0001', fingerprint: STRANGER.fingerprint, keyMismatch: true }),
    );
  });

  it('answers 403 to a SUBSCRIBE whose proof does not hold', async () => {
    const client = await RawSipClient.connect(server.wsUrl);
    clients.push(client);
    const uri = `sip:${macDeviceId(HD0001_MAC)}@127.0.0.1`;
    const forged = { ...STRANGER.prove({ scope: 'sip', method: 'SUBSCRIBE', target: sipProofTarget(HD0001_MAC, client.callId) }), key: HOST.publicKey };
    const cseq = client.nextCSeq();
    client.send(client.request('SUBSCRIBE', uri, { from: uri, cseq, headers: ['Event: ua-profile;profile-type="device"', `${DEVICE_PROOF_SIP_HEADER}: ${formatDeviceProof(forged)}`] }));
    expect((await client.response(cseq, 'SUBSCRIBE')).status).toBe(403);
  });

  it('gives the enrolled host its URL, and serves the document only to a request proving that key: 401 without, 403 with another', async () => {
    const { body } = await subscribe(HD0001_MAC, HOST);
    documentUrl = body.trim();
    expect(documentUrl).toMatch(new RegExp(`^${server.origin}/provisioning/[A-Za-z0-9_-]{22}\\.json$`));

    const bare = await fetch(documentUrl);
    expect([bare.status, bare.headers.get('www-authenticate')]).toEqual([401, 'Hotdesk-Device']);
    expect(await bare.text()).not.toMatch(/ha1/);
    expect((await signedFetch(documentUrl, {}, STRANGER)).status).toBe(403);
    const served = await signedFetch(documentUrl, {}, HOST);
    expect(served.status).toBe(200);
    document = (await served.json()) as ProvisioningDocument;
    expect(document.account.credentials).toEqual({ kind: 'ha1', ha1: server.pbx.credentialsFor('HD0001')?.ha1, realm: 'hotdesk.local' });
  });

  it('re-enrolment to another key makes a new token and new pool credentials; the old key, URL and password get nothing', async () => {
    const old = createUaFromDocument(document);
    expect(await startAndRegister(old)).toEqual({ registered: true });
    await stopUa(old);

    const waiting = await subscribe(HD0001_MAC, STRANGER);
    const pushed = waiting.client.next((message) => message.startsWith('NOTIFY ') && bodyOf(message).startsWith('http'));
    const assigned = await fetch(`${server.origin}/api/v1/phones/${HD0001_MAC}/assign`, {
      method: 'POST',
      headers: { ...ADMIN, 'Content-Type': 'application/json' },
      body: JSON.stringify({ device: 'HD0001', fingerprint: STRANGER.fingerprint }),
    });
    expect(assigned.status).toBe(200);
    expect(((await assigned.json()) as Json).device.enrolment.fingerprint).toBe(STRANGER.fingerprint);

    const newUrl = bodyOf(await pushed).trim();
    expect(newUrl).not.toBe(documentUrl);
    expect((await signedFetch(documentUrl, {}, HOST)).status).toBe(403);
    expect((await signedFetch(documentUrl, {}, STRANGER)).status).toBe(403);
    expect((await signedFetch(newUrl, {}, HOST)).status).toBe(403);
    const served = await signedFetch(newUrl, {}, STRANGER);
    expect(served.status).toBe(200);
    const renewed = (await served.json()) as ProvisioningDocument;
    const [before, after] = [document.account.credentials, renewed.account.credentials];
    expect(after.kind === 'ha1' && before.kind === 'ha1' && after.ha1 !== before.ha1).toBe(true);

    const replaced = createUaFromDocument(document);
    expect(await startAndRegister(replaced)).toMatchObject({ registered: false, status: 401 });
    await stopUa(replaced);
    const current = createUaFromDocument(renewed);
    expect(await startAndRegister(current)).toEqual({ registered: true });
    await stopUa(current);
  });

  it('a new MAC for a device drops its key and makes a new token and new pool credentials', async () => {
    const before = server.pbx.hotDesk.devices.get('HD0002')!;
    expect(before.key?.publicKey).toBe(HOST.publicKey);
    const patched = await fetch(`${server.origin}/api/v1/devices/HD0002`, {
      method: 'PATCH',
      headers: { ...ADMIN, 'Content-Type': 'application/json' },
      body: JSON.stringify({ mac: '02:00:00:00:00:22' }),
    });
    expect(((await patched.json()) as Json).enrolment).toBeNull();
    const after = server.pbx.hotDesk.devices.get('HD0002')!;
    expect(after.token).not.toBe(before.token);
    expect(server.pbx.credentialsFor('HD0002')?.ha1).not.toBe(before.sip.ha1);
    const { body } = await subscribe('02:00:00:00:00:22' as Mac, HOST);
    expect(body).toBe('');
    await vi.waitFor(async () =>
      expect((await phones()).find((phone) => phone.mac === '02:00:00:00:00:22')).toMatchObject({ device: 'HD0002', fingerprint: HOST.fingerprint, keyMismatch: false }),
    );
  });

  it('enrols a device with a typed provisioning URL: its signed fetch lists it for Assign, then it is served', async () => {
    const mac = '02:00:00:00:00:44' as Mac;
    const created = await fetch(`${server.origin}/api/v1/devices`, { method: 'POST', headers: { ...ADMIN, 'Content-Type': 'application/json' }, body: JSON.stringify({ mac, provisioning: 'url' }) });
    const { name } = (await created.json()) as Json;
    const url = server.pbx.provisioning.urlFor(name)!;
    const hostClients = new ProvisioningClients({
      dataDir: mkdtempSync(path.join(tmpdir(), 'hotdesk-enrolment-it-')),
      version: '0.1.0',
      deviceKey: HOST,
      pnpWebSocketUrl: () => null,
      manualUrl: () => url,
    });
    const { client } = hostClients.acquire(mac);
    await vi.waitFor(() => expect(client.state().error).toBe('Provisioning server answered 403'));
    await vi.waitFor(async () => expect((await phones()).find((phone) => phone.mac === mac)).toMatchObject({ device: name, fingerprint: HOST.fingerprint, keyMismatch: false }));
    const assigned = await fetch(`${server.origin}/api/v1/phones/${mac}/assign`, { method: 'POST', headers: { ...ADMIN, 'Content-Type': 'application/json' }, body: JSON.stringify({ device: name }) });
    expect(assigned.status).toBe(200);
    expect((await client.resync()).document?.identity).toEqual({ kind: 'pool', name });
    hostClients.close();
  });

  it("provisions the host's own demo device with no admin step", async () => {
    const hostClients = new ProvisioningClients({
      dataDir: mkdtempSync(path.join(tmpdir(), 'hotdesk-enrolment-it-')),
      version: '0.1.0',
      deviceKey: HOST,
      pnpWebSocketUrl: () => server.wsUrl,
      manualUrl: () => null,
    });
    const { client } = hostClients.acquire('02:00:00:00:00:03' as Mac);
    await vi.waitFor(() => expect(client.state().status).toBe('provisioned'), { timeout: 10_000 });
    expect(client.state().document?.identity).toEqual({ kind: 'pool', name: 'HD0003' });
    hostClients.close();
  });
});
