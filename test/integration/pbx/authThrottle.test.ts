import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestAuthorization, RawSipClient } from '../support/rawSipClient';
import { startTestPbx, type TestPbx } from '../support/pbxServer';

let server: TestPbx;

beforeAll(async () => {
  server = await startTestPbx();
});
afterAll(async () => {
  await server.stop();
});

describe('authentication failure throttling', () => {
  it('locks out a user after 10 wrong passwords from an address, even with the right one — and no one else behind it', async () => {
    const guesser = await RawSipClient.connect(server.wsUrl);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 10; attempt++) statuses.push(await guesser.register('100', `guess-${attempt}`));
    expect(statuses).toEqual(Array(10).fill(401));
    expect(await guesser.register('100', 'sip-100')).toBe(403);
    // Every kiosk page of a web host reaches the PBX from the same address: Bob's mistakes must not lock out Carol.
    const sameAddress = await RawSipClient.connect(server.wsUrl);
    expect(await sameAddress.register('101', 'sip-101')).toBe(200);
    expect(await sameAddress.register('100', 'sip-100')).toBe(403);
    guesser.close();
    sameAddress.close();
  });

  it('counts wrong Proxy-Authorization on calls towards the same per-user lockout', async () => {
    const caller = await RawSipClient.connect(server.wsUrl);
    const attempt = async (password: string) => {
      let cseq = caller.nextCSeq();
      caller.send(caller.request('MESSAGE', 'sip:103@hotdesk.local', { from: 'sip:102@hotdesk.local', cseq }));
      const challenge = await caller.response(cseq, 'MESSAGE');
      const credentials = digestAuthorization(challenge.headers.get('proxy-authenticate')?.[0] ?? '', '102', password, 'MESSAGE', 'sip:103@hotdesk.local');
      cseq = caller.nextCSeq();
      caller.send(caller.request('MESSAGE', 'sip:103@hotdesk.local', { from: 'sip:102@hotdesk.local', cseq, headers: [`Proxy-Authorization: ${credentials}`] }));
      return (await caller.response(cseq, 'MESSAGE')).status;
    };
    const statuses: number[] = [];
    for (let n = 0; n < 10; n++) statuses.push(await attempt(`wrong-${n}`));
    expect(statuses).toEqual(Array(10).fill(407));
    expect(await attempt('sip-102')).toBe(403);
    expect(await caller.register('103', 'sip-103')).toBe(200);
    caller.close();
  });
});
