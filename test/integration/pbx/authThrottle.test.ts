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

describe('authentication failure throttling (PRODUCT.md §10)', () => {
  it('refuses a source address after 10 wrong passwords, even with the right one', async () => {
    const guesser = await RawSipClient.connect(server.wsUrl);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 10; attempt++) statuses.push(await guesser.register('100', `guess-${attempt}`));
    expect(statuses).toEqual(Array(10).fill(401));
    expect(await guesser.register('100', 'sip-100')).toBe(403);
    const sameAddress = await RawSipClient.connect(server.wsUrl);
    expect(await sameAddress.register('101', 'sip-101')).toBe(403);
    guesser.close();
    sameAddress.close();
  });
});
