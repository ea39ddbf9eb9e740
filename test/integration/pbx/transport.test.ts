import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RawSipClient } from '../support/rawSipClient';
import { startTestPbx, type TestPbx } from '../support/pbxServer';

let server: TestPbx;

beforeAll(async () => {
  server = await startTestPbx();
});
afterAll(async () => {
  await server.stop();
});

const closeCode = (client: RawSipClient) => new Promise<number>((resolve) => client.socket.once('close', (code) => resolve(code)));

describe('SIP over WebSocket transport (RFC 7118)', () => {
  it('negotiates the sip subprotocol and refuses a client that does not offer it', async () => {
    const client = await RawSipClient.connect(server.wsUrl);
    expect(client.socket.protocol).toBe('sip');
    client.close();
    const refused = new WebSocket(server.wsUrl, 'chat');
    const status = await new Promise<number>((resolve) => refused.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    expect(status).toBe(400);
  });

  it('refuses an upgrade from a page of a foreign origin with 403, before any SIP is spoken', async () => {
    const statusFor = (origin: string) =>
      new Promise<number>((resolve, reject) => {
        const socket = new WebSocket(server.wsUrl, 'sip', { origin });
        socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        socket.once('open', () => reject(new Error(`${origin} was let in`)));
      });
    expect(await statusFor('http://evil.example')).toBe(403);
    expect(await statusFor('http://127.0.0.1.evil.example:5170')).toBe(403);
    expect(await statusFor('null')).toBe(403);
  });

  it('accepts a page served by the host it connects to, one under a configured host name, and clients that send no Origin', async () => {
    const { host } = new URL(server.wsUrl);
    for (const origin of [`http://${host}`, 'https://hotdesk.local:8443', undefined]) {
      const client = await RawSipClient.connect(server.wsUrl, 'sip', origin ? { origin } : {});
      expect(await client.register('105', 'sip-105')).toBe(200);
      client.close();
    }
  });

  it('accepts a kiosk page served on loopback and pages of the host names given with --origin-host', async () => {
    const other = await startTestPbx({ originHosts: ['kiosk.example'] });
    try {
      for (const origin of ['http://localhost:5170', 'https://kiosk.example:5170']) {
        const client = await RawSipClient.connect(other.wsUrl, 'sip', { origin });
        expect(await client.register('104', 'sip-104')).toBe(200);
        client.close();
      }
      const refused = new WebSocket(other.wsUrl, 'sip', { origin: 'https://kiosk.example.evil.example' });
      expect(await new Promise<number>((resolve) => refused.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)))).toBe(403);
    } finally {
      await other.stop();
    }
  });

  it('answers a malformed request with 400 naming the problem, and keeps the connection', async () => {
    const client = await RawSipClient.connect(server.wsUrl);
    client.send('OPTIONS sip:hotdesk.local SIP/2.0\r\nVia: SIP/2.0/WS x.invalid;branch=z9hG4bK1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n');
    const response = await client.next((m) => m.startsWith('SIP/2.0 400'));
    expect(response).toMatch(/From|To|Call-ID/);
    expect(await client.register('101', 'sip-101')).toBe(200);
    client.close();
  });

  it('drops frames that are not SIP without answering or disconnecting', async () => {
    const client = await RawSipClient.connect(server.wsUrl);
    client.send('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    client.send('\u0000\u0001\u0002 not sip at all');
    expect(await client.register('102', 'sip-102')).toBe(200);
    client.close();
  });

  it('closes a connection that sends a message over 64 KiB, leaving other connections alone', async () => {
    const bystander = await RawSipClient.connect(server.wsUrl);
    const offender = await RawSipClient.connect(server.wsUrl);
    const closed = closeCode(offender);
    offender.send(`MESSAGE sip:101@hotdesk.local SIP/2.0\r\n${'X-Pad: '.padEnd(70 * 1024, 'a')}\r\n\r\n`);
    expect(await closed).toBe(1009);
    expect(await bystander.register('103', 'sip-103')).toBe(200);
    bystander.close();
  });

  it('closes a connection that floods, leaving other connections alone', async () => {
    const bystander = await RawSipClient.connect(server.wsUrl);
    const flooder = await RawSipClient.connect(server.wsUrl);
    const closed = closeCode(flooder);
    for (let i = 0; i < 1000 && flooder.socket.readyState === WebSocket.OPEN; i++) flooder.send('x');
    expect(await closed).toBe(1008);
    expect(await bystander.register('104', 'sip-104')).toBe(200);
    bystander.close();
  });
});
