import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDLE_DEVICE_REFUSAL } from '../../../shared/domain/dialString';
import { createBrowserPeer } from '../support/browserPeer';
import { DUMMY_OFFER, isRequest, RawSipClient, respondTo } from '../support/rawSipClient';
import { startTestPbx, type TestPbx } from '../support/pbxServer';

let server: TestPbx;
let hd: RawSipClient;
let bob: RawSipClient;

beforeAll(async () => {
  server = await startTestPbx();
  hd = await RawSipClient.connect(server.wsUrl);
  // The device host hands the HD identity its credentials as HA1; a raw client needs a password, so give it one.
  server.pbx.accounts.addWithPassword('HD0001', 'HD0001', 'pool', 'pool-secret');
  expect(await hd.register('HD0001', 'pool-secret')).toBe(200);
  bob = await RawSipClient.connect(server.wsUrl);
  expect(await bob.register('101', 'sip-101')).toBe(200);
});
afterAll(async () => {
  hd.close();
  bob.close();
  await server.stop();
});

async function invite(client: RawSipClient, target: string, offer = DUMMY_OFFER) {
  const cseq = client.nextCSeq();
  client.send(
    client.request('INVITE', `sip:${target}@hotdesk.local`, {
      from: 'sip:HD0001@hotdesk.local',
      cseq,
      headers: ['Content-Type: application/sdp'],
      body: offer,
    }),
  );
  return client.response(cseq, 'INVITE');
}

/** Sends `method` from the idle identity to Bob and resolves with the final response. */
async function fromIdle(method: string, headers: string[] = [], options: { toTag?: string; uri?: string } = {}) {
  const cseq = hd.nextCSeq();
  const uri = options.uri ?? 'sip:101@hotdesk.local';
  hd.send(hd.request(method, uri, { from: 'sip:HD0001@hotdesk.local', to: 'sip:101@hotdesk.local', cseq, headers, ...(options.toTag ? { toTag: options.toTag } : {}) }));
  return hd.response(cseq, method);
}

describe('idle hot-desk device policy', () => {
  it('refuses a call from an idle HD identity to the echo test with 403 and a readable reason', async () => {
    const response = await invite(hd, '200');
    expect(response.status).toBe(403);
    expect(response.reason).toBe(IDLE_DEVICE_REFUSAL);
  });

  it('refuses a call to another extension the same way', async () => {
    expect((await invite(hd, '101')).status).toBe(403);
  });

  it('refuses the busy-line bot as well: only emergency numbers and hot-desk codes pass', async () => {
    expect((await invite(hd, '201')).status).toBe(403);
  });

  it('lets the hot-desk login code through the idle policy: the login IVR answers it', async () => {
    const peer = await createBrowserPeer();
    try {
      const response = await invite(hd, '*77*100*', peer.offer);
      expect([response.status, response.headers.get('p-asserted-identity')?.[0]]).toEqual([200, '"Hot desking" <sip:*77*100*@hotdesk.local>']);
      const toTag = /^To: .*;tag=([^;\s]+)/m.exec(response.text)?.[1] ?? '';
      const contact = /^Contact: <([^>]+)>/m.exec(response.text)?.[1] ?? '';
      const cseq = hd.nextCSeq();
      hd.send(hd.request('BYE', contact, { from: 'sip:HD0001@hotdesk.local', to: 'sip:*77*100*@hotdesk.local', toTag, cseq }));
      expect((await hd.response(cseq, 'BYE')).status).toBe(200);
    } finally {
      await peer.close();
    }
  });

  it('refuses a MESSAGE from the idle identity too', async () => {
    const cseq = hd.nextCSeq();
    hd.send(hd.request('MESSAGE', 'sip:101@hotdesk.local', { from: 'sip:HD0001@hotdesk.local', cseq, headers: ['Content-Type: text/plain'], body: 'hi' }));
    expect((await hd.response(cseq, 'MESSAGE')).status).toBe(403);
  });

  it('refuses SUBSCRIBE, NOTIFY (check-sync), INFO, UPDATE and PUBLISH to a user, in and out of a dialog', async () => {
    const statuses = [
      await fromIdle('SUBSCRIBE', ['Event: dialog', 'Expires: 600']),
      await fromIdle('NOTIFY', ['Event: check-sync', 'Subscription-State: terminated']),
      await fromIdle('INFO'),
      await fromIdle('UPDATE'),
      await fromIdle('PUBLISH', ['Event: presence']),
      await fromIdle('NOTIFY', ['Event: check-sync', 'Subscription-State: terminated'], { toTag: 'forged', uri: `sip:raw@${bob.host};transport=ws` }),
      await fromIdle('INFO', [], { toTag: 'forged', uri: `sip:raw@${bob.host};transport=ws` }),
    ].map((response) => [response.status, response.reason]);
    expect(statuses).toEqual(Array(7).fill([403, IDLE_DEVICE_REFUSAL]));
    // None of them reached Bob: the first request he sees is this MESSAGE from Carol.
    const carol = await RawSipClient.connect(server.wsUrl);
    expect(await carol.register('102', 'sip-102')).toBe(200);
    const cseq = carol.nextCSeq();
    carol.send(carol.request('MESSAGE', 'sip:101@hotdesk.local', { from: 'sip:102@hotdesk.local', cseq, headers: ['Content-Type: text/plain'], body: 'marker' }));
    const first = await bob.next((text) => !text.startsWith('SIP/2.0'));
    expect(first).toMatch(/^MESSAGE [^\r]*\r\n(?:.*\r\n)*Content-Length: 6\r\n\r\nmarker$/);
    respondTo(bob, first, '200 OK');
    expect((await carol.response(cseq, 'MESSAGE')).status).toBe(200);
    carol.close();
  });

  it('still lets the idle identity ask for its profile: the ua-profile SUBSCRIBE works over its connection', async () => {
    const cseq = hd.nextCSeq();
    hd.send(
      hd.request('SUBSCRIBE', 'sip:020000000001@hotdesk.local', {
        from: 'sip:HD0001@hotdesk.local',
        cseq,
        headers: ['Event: ua-profile;profile-type="device";vendor="Hotdesk";model="kiosk";version="1"', 'Expires: 0'],
      }),
    );
    expect((await hd.response(cseq, 'SUBSCRIBE')).status).toBe(200);
    const notify = await hd.next(isRequest('NOTIFY'));
    expect(notify).toMatch(/^Event: ua-profile/m);
    respondTo(hd, notify, '200 OK');
  });

  it('still lets the idle identity call 911 and, within that call, send ACK, INFO, UPDATE and BYE — but nothing else', async () => {
    const peer = await createBrowserPeer();
    try {
      const ok = await invite(hd, '911', peer.offer);
      expect(ok.status).toBe(200);
      const toTag = /^To: .*;tag=([^;\s]+)/m.exec(ok.text)?.[1] ?? '';
      const contact = /^Contact: <([^>]+)>/m.exec(ok.text)?.[1] ?? '';
      const inCall = (method: string, cseq: number, headers: string[] = []) =>
        hd.request(method, contact, { from: 'sip:HD0001@hotdesk.local', to: 'sip:911@hotdesk.local', toTag, cseq, headers });
      hd.send(inCall('ACK', hd.nextCSeq() - 1));
      const statusOf = async (method: string, headers: string[] = []) => {
        const cseq = hd.nextCSeq();
        hd.send(inCall(method, cseq, headers));
        return (await hd.response(cseq, method)).status;
      };
      expect(await statusOf('INFO', ['Content-Type: application/dtmf-relay'])).toBe(200);
      expect(await statusOf('UPDATE')).toBe(200);
      expect(await statusOf('NOTIFY', ['Event: check-sync', 'Subscription-State: terminated'])).toBe(403);
      expect(await statusOf('BYE')).toBe(200);
    } finally {
      await peer.close();
    }
  });
});
