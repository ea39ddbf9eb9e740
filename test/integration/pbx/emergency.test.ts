import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EmergencyCallEvent } from '../../../electron/pbx/core';
import { buildPidfLo } from '../../../electron/pbx/core/emergency/pidfLo';
import { EMPTY_DISPATCHABLE_LOCATION } from '../../../shared/domain/dispatchableLocation';
import { ADMIN } from '../admin/support/apiServer';
import { EventStreamClient, type ServerSentEvent } from '../admin/support/eventStreamClient';
import { createBrowserPeer, type BrowserPeer } from '../support/browserPeer';
import { RawSipClient } from '../support/rawSipClient';
import { startTestPbx, type TestPbx } from '../support/pbxServer';

const DESK_14 = 'HQ, Building 1, Floor 2, Desk 14';
let server: TestPbx;
let stream: EventStreamClient;
const clients: RawSipClient[] = [];
const peers: BrowserPeer[] = [];

beforeAll(async () => {
  server = await startTestPbx();
  stream = await EventStreamClient.open(`${server.origin}/api/v1/events`, ADMIN);
  await stream.until(() => stream.comments.includes('connected'));
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await Promise.all(peers.splice(0).map((peer) => peer.close()));
});
afterAll(async () => {
  stream.close();
  await server.stop();
});

async function api(method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.origin}${path}`, {
    method,
    headers: { Authorization: ADMIN, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** HD0001 registered by a raw client (the device host hands a pool identity an HA1; a raw client needs a password). */
async function registeredDesk(): Promise<RawSipClient> {
  // Again each time: a device change re-mirrors the stored pool credentials over the test password.
  server.pbx.accounts.addWithPassword('HD0001', 'HD0001', 'pool', 'pool-secret');
  const client = await RawSipClient.connect(server.wsUrl);
  clients.push(client);
  expect(await client.register('HD0001', 'pool-secret')).toBe(200);
  return client;
}

function nextEvent(name: string): Promise<ServerSentEvent> {
  const seen = stream.events.length;
  const found = () => stream.events.slice(seen).find((event) => event.event === name);
  return stream.until(() => found() !== undefined).then(() => found() as ServerSentEvent);
}

/** Dials `number` with a real WebRTC offer (in a multipart body when `location` is given), as `from`. */
async function dial(client: RawSipClient, number: string, from: string, ownLocation?: string) {
  const peer = await createBrowserPeer();
  peers.push(peer);
  const cseq = client.nextCSeq();
  const multipart = ownLocation
    ? [`--b1\r\nContent-Type: application/sdp\r\n\r\n${peer.offer}\r\n--b1\r\nContent-Type: application/pidf+xml\r\nContent-ID: <own@desk>\r\n\r\n${ownLocation}\r\n--b1--\r\n`]
    : [];
  const headers = ownLocation ? ['Content-Type: multipart/mixed;boundary=b1', 'Geolocation: <cid:own@desk>'] : ['Content-Type: application/sdp'];
  client.send(client.request('INVITE', `sip:${number}@hotdesk.local`, { from, cseq, headers, body: multipart[0] ?? peer.offer }));
  return { cseq, peer };
}

/** The operator's caption INFO, answered 200 as a phone would. */
async function caption(client: RawSipClient) {
  const info = await client.next((text) => text.startsWith('INFO '));
  const via = /^Via: .*$/m.exec(info)?.[0] ?? '';
  const reply = ['SIP/2.0 200 OK', via, ...['From', 'To', 'Call-ID', 'CSeq'].map((name) => new RegExp(`^${name}: .*$`, 'm').exec(info)?.[0] ?? ''), 'Content-Length: 0', '', ''];
  client.send(reply.join('\r\n'));
  return { info, text: info.split('\r\n\r\n')[1] ?? '' };
}

describe('emergency calls: location with the call, notification on arrival', () => {
  it('an idle desk dials 911: the event comes before the answer, and the operator reads the desk location from the PIDF-LO', async () => {
    const desk = await registeredDesk();
    const order: string[] = [];
    const event = nextEvent('emergency-call').then((value) => (order.push('event'), value));
    const { cseq } = await dial(desk, '911', 'sip:HD0001@hotdesk.local');
    const answer = desk.response(cseq, 'INVITE').then((value) => (order.push('answer'), value));
    const [notified, answered] = await Promise.all([event, answer]);
    expect(order).toEqual(['event', 'answer']);
    expect(answered.status).toBe(200);
    const device = server.pbx.hotDesk.devices.get('HD0001');
    expect(notified.data).toMatchObject({
      type: 'emergency-call',
      number: '911',
      caller: 'sip:HD0001@hotdesk.local',
      device: { name: 'HD0001', mac: '02:00:00:00:00:01' },
      user: null,
      location: { short: DESK_14, civic: device?.options.dispatchableLocation, source: 'pbx' },
    });

    const toTag = /^To: .*;tag=([^;\s]+)/m.exec(answered.text)?.[1] ?? '';
    const contact = /^Contact: <([^>]+)>/m.exec(answered.text)?.[1] ?? '';
    desk.send(desk.request('ACK', contact, { from: 'sip:HD0001@hotdesk.local', to: 'sip:911@hotdesk.local', toTag, cseq }));
    const { info, text } = await caption(desk);
    expect(info).toMatch(/^Info-Package: hotdesk-caption\r$/m);
    expect(info).toMatch(/^Content-Type: text\/plain;charset=utf-8\r$/m);
    expect(text).toBe(`Emergency service (demo). Your location: ${DESK_14}`);
    const audit = server.pbx.hotDesk.audit.list({ kinds: ['emergency.call'] }).at(-1);
    expect(audit).toMatchObject({ device: 'HD0001', mac: '02:00:00:00:00:01', detail: expect.stringContaining(DESK_14) });
  });

  it('follows the desk location when the administrator changes it', async () => {
    const patched = await api('PATCH', '/api/v1/devices/HD0001', { options: { dispatchableLocation: { floor: '5', desk: '3', room: 'Blue' } } });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ location: 'HQ, Building 1, Floor 5, Blue, Desk 3' });
    const desk = await registeredDesk();
    const event = nextEvent('emergency-call');
    const { cseq } = await dial(desk, '112', 'sip:HD0001@hotdesk.local');
    expect((await event).data).toMatchObject({ number: '112', location: { short: 'HQ, Building 1, Floor 5, Blue, Desk 3', civic: { floor: '5', room: 'Blue', desk: '3', city: 'Example City' } } });
    expect((await desk.response(cseq, 'INVITE')).status).toBe(200);
    await api('PATCH', '/api/v1/devices/HD0001', { options: { dispatchableLocation: { floor: '2', desk: '14', room: '' } } });
  });

  it('refuses a location that breaks the rules, naming the field', async () => {
    const bad = await api('PATCH', '/api/v1/devices/HD0001', { options: { dispatchableLocation: { country: 'United States' } } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain('country');
    expect((await api('PATCH', '/api/v1/devices/HD0001', { options: { dispatchableLocation: { planet: 'Mars' } } })).status).toBe(400);
  });

  it('keeps the location a phone sent itself', async () => {
    const desk = await registeredDesk();
    const own = buildPidfLo({ entity: 'pres:HD0001@hotdesk.local', location: { ...EMPTY_DISPATCHABLE_LOCATION, country: 'US', text: 'Lobby, by the lifts' }, deviceId: 'mac:020000000001', timestamp: new Date() });
    const event = nextEvent('emergency-call');
    const { cseq } = await dial(desk, '999', 'sip:HD0001@hotdesk.local', own);
    expect((await event).data).toMatchObject({ location: { short: 'Lobby, by the lifts', source: 'device' } });
    const answered = await desk.response(cseq, 'INVITE');
    expect(answered.status).toBe(200);
    const toTag = /^To: .*;tag=([^;\s]+)/m.exec(answered.text)?.[1] ?? '';
    const contact = /^Contact: <([^>]+)>/m.exec(answered.text)?.[1] ?? '';
    desk.send(desk.request('ACK', contact, { from: 'sip:HD0001@hotdesk.local', to: 'sip:999@hotdesk.local', toTag, cseq }));
    expect((await caption(desk)).text).toBe('Emergency service (demo). Your location: Lobby, by the lifts');
  });

  it('connects a caller that never registered, without trusting its From for a location', async () => {
    const stranger = await RawSipClient.connect(server.wsUrl);
    clients.push(stranger);
    const event = nextEvent('emergency-call');
    const { cseq } = await dial(stranger, '911', 'sip:HD0001@hotdesk.local');
    expect((await event).data).toMatchObject({ device: null, user: null, location: null });
    expect((await stranger.response(cseq, 'INVITE')).status).toBe(200);
  });
});

describe('emergency calls whatever the licence says', () => {
  it('a desk on a PBX without a hot-desking licence still calls 911 with its location', async () => {
    const bare = await startTestPbx({ mode: 'site' });
    try {
      expect(bare.pbx.hotDesk.licence.status()).toMatchObject({ state: 'none', hotDesking: false });
      await bare.pbx.hotDesk.devices.seed([{ name: 'HD0001', mac: '02:00:00:00:00:01', options: { dispatchableLocation: { site: 'Annex', floor: '1' } } }]);
      bare.pbx.accounts.addWithPassword('HD0001', 'HD0001', 'pool', 'pool-secret');
      const calls: EmergencyCallEvent[] = [];
      const off = bare.pbx.hotDesk.changes.subscribe((change) => change.type === 'emergency-call' && calls.push(change.call));
      const desk = await RawSipClient.connect(bare.wsUrl);
      clients.push(desk);
      expect(await desk.register('HD0001', 'pool-secret')).toBe(200);
      const { cseq } = await dial(desk, '911', 'sip:HD0001@hotdesk.local');
      expect((await desk.response(cseq, 'INVITE')).status).toBe(200);
      expect(calls[0]).toMatchObject({ device: { name: 'HD0001' }, location: { short: 'Annex, Floor 1', source: 'pbx' } });
      off();
    } finally {
      await bare.stop();
    }
  });
});

describe('emergency webhook', () => {
  let hook: Server;
  const received: Array<{ headers: IncomingMessage['headers']; body: string }> = [];
  let failuresLeft = 1;
  const arrivals: Array<() => void> = [];

  beforeAll(async () => {
    hook = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(failuresLeft-- > 0 ? 503 : 204).end();
        for (const wake of arrivals.splice(0)) wake();
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await api('PATCH', '/api/v1/settings', { emergencyWebhook: null });
    await new Promise<void>((resolve) => hook.close(() => resolve()));
  });

  it('POSTs the event signed with HMAC-SHA256, retries until acknowledged and shows the failure as an event', async () => {
    const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/alerts`;
    const secret = 'a-webhook-secret-of-32-characters';
    const saved = await api('PATCH', '/api/v1/settings', { emergencyWebhook: { url, secret } });
    expect(saved.json).toMatchObject({ emergencyWebhook: { url, secretSet: true } });
    expect(JSON.stringify((await api('GET', '/api/v1/settings')).json)).not.toContain(secret);

    const desk = await registeredDesk();
    const event = nextEvent('emergency-call');
    const failed = nextEvent('emergency-webhook.failed');
    await dial(desk, '911', 'sip:HD0001@hotdesk.local');
    const call = (await event).data as { id: string };
    expect((await failed).data).toMatchObject({ callId: call.id, attempt: 1, problem: 'HTTP 503', retryInMs: 1000 });
    while (received.length < 2) await new Promise<void>((resolve) => arrivals.push(resolve));
    for (const delivery of received) {
      expect(JSON.parse(delivery.body)).toEqual(call);
      expect(delivery.headers['x-hotdesk-signature']).toBe(`sha256=${createHmac('sha256', secret).update(delivery.body).digest('hex')}`);
      expect(delivery.headers['x-hotdesk-delivery']).toBe(call.id);
    }
  });

  it('refuses a webhook without a usable URL or with a short secret', async () => {
    expect((await api('PATCH', '/api/v1/settings', { emergencyWebhook: { url: 'ftp://x', secret: 'a-webhook-secret-of-32-characters' } })).status).toBe(400);
    expect((await api('PATCH', '/api/v1/settings', { emergencyWebhook: { url: 'http://127.0.0.1/', secret: 'short' } })).status).toBe(400);
  });
});
