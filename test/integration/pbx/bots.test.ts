import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decodeMuLaw } from '../../../electron/pbx/media/g711';
import { createBrowserPeer, type BrowserPeer } from '../support/browserPeer';
import { RawSipClient } from '../support/rawSipClient';
import { startTestPbx, type TestPbx } from '../support/pbxServer';

let server: TestPbx;
let bob: RawSipClient;
const peers: BrowserPeer[] = [];

beforeAll(async () => {
  server = await startTestPbx();
  bob = await RawSipClient.connect(server.wsUrl);
  expect(await bob.register('101', 'sip-101')).toBe(200);
});
afterEach(async () => {
  await Promise.all(peers.splice(0).map((peer) => peer.close()));
});
afterAll(async () => {
  bob.close();
  await server.stop();
});

function rms(samples: Int16Array): number {
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  return Math.sqrt(sum / Math.max(1, samples.length));
}

/** Calls `number` as Bob with a real WebRTC offer; returns the 200 OK and the connected peer. */
async function call(number: string) {
  const peer = await createBrowserPeer();
  peers.push(peer);
  const cseq = bob.nextCSeq();
  bob.send(bob.request('INVITE', `sip:${number}@hotdesk.local`, { from: 'sip:101@hotdesk.local', cseq, headers: ['Content-Type: application/sdp'], body: peer.offer }));
  const response = await bob.response(cseq, 'INVITE');
  return { peer, response, cseq };
}

describe('demo bots over real SIP and real WebRTC media', () => {
  it('the echo test answers with SDP and plays its greeting, which arrives as audible PCMU', async () => {
    const { peer, response, cseq } = await call('200');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')?.[0]).toBe('application/sdp');
    expect(response.headers.get('p-asserted-identity')?.[0]).toBe('"Echo test" <sip:200@hotdesk.local>');
    const answer = response.text.split('\r\n\r\n')[1] ?? '';
    expect(answer).toMatch(/a=rtpmap:0 PCMU\/8000/);
    const toTag = /^To: .*;tag=([^;\s]+)/m.exec(response.text)?.[1] ?? '';
    const contact = /^Contact: <([^>]+)>/m.exec(response.text)?.[1] ?? '';
    bob.send(bob.request('ACK', contact, { from: 'sip:101@hotdesk.local', to: 'sip:200@hotdesk.local', toTag, cseq }));
    await peer.accept(answer);
    await peer.connected;
    while (peer.received.filter((p) => p.header.payloadType === 0).length < 50) await new Promise((r) => setTimeout(r, 20));
    const pcm = peer.received.filter((p) => p.header.payloadType === 0).map((p) => decodeMuLaw(p.payload));
    expect(Math.max(...pcm.map(rms))).toBeGreaterThan(300);
    const byeCseq = bob.nextCSeq();
    bob.send(bob.request('BYE', contact, { from: 'sip:101@hotdesk.local', to: 'sip:200@hotdesk.local', toTag, cseq: byeCseq }));
    expect((await bob.response(byeCseq, 'BYE')).status).toBe(200);
  });

  it('the busy line answers 486', async () => {
    const { response } = await call('201');
    expect(response.status).toBe(486);
  });
});
