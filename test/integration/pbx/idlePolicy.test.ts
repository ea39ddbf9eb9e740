import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDLE_DEVICE_REFUSAL } from '../../../shared/domain/dialString';
import { DUMMY_OFFER, RawSipClient } from '../support/rawSipClient';
import { startTestPbx, type TestPbx } from '../support/pbxServer';

let server: TestPbx;
let hd: RawSipClient;

beforeAll(async () => {
  server = await startTestPbx();
  hd = await RawSipClient.connect(server.wsUrl);
  // The device host hands the HD identity its credentials as HA1; a raw client needs a password, so give it one.
  server.pbx.accounts.addWithPassword('HD0001', 'HD0001', 'pool', 'pool-secret');
  expect(await hd.register('HD0001', 'pool-secret')).toBe(200);
});
afterAll(async () => {
  hd.close();
  await server.stop();
});

async function invite(client: RawSipClient, target: string) {
  const cseq = client.nextCSeq();
  client.send(
    client.request('INVITE', `sip:${target}@hotdesk.local`, {
      from: 'sip:HD0001@hotdesk.local',
      cseq,
      headers: ['Content-Type: application/sdp'],
      body: DUMMY_OFFER,
    }),
  );
  return client.response(cseq, 'INVITE');
}

describe('idle hot-desk device policy (PRODUCT.md §4)', () => {
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

  it('lets the hot-desk login code through the idle policy, and says plainly that no login service answers it yet', async () => {
    const response = await invite(hd, '*77*100*');
    expect(response.status).toBe(480);
    expect(response.reason).toBe('Hot-desk login is not available on this PBX');
  });

  it('refuses a MESSAGE from the idle identity too', async () => {
    const cseq = hd.nextCSeq();
    hd.send(hd.request('MESSAGE', 'sip:101@hotdesk.local', { from: 'sip:HD0001@hotdesk.local', cseq, headers: ['Content-Type: text/plain'], body: 'hi' }));
    expect((await hd.response(cseq, 'MESSAGE')).status).toBe(403);
  });
});
