import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { HotDeskLogins } from '../../../../electron/pbx/core/hotdesk/hotDeskLogins';
import { DEFAULT_SCRYPT_COST, verifySecret } from '../../../../electron/pbx/core/hotdesk/secretHash';
import { makeHotDesk } from './support';

const SAMPLES = 5;

async function median(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let sample = 0; sample < SAMPLES; sample += 1) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(SAMPLES / 2)] as number;
}

/**
 * Refusals must not tell an unknown extension from a known one by how long they take: each costs one scrypt check
 * at the production cost. Compared loosely — same order of magnitude as one real check — never against a fixed time.
 */
describe('hot-desk PIN refusals take the time of one real PIN check, whatever the reason', () => {
  it('wrong PIN, unknown extension, hot desking off, no PIN and locked all fall in the same timing class', async () => {
    const { hotDesk } = await makeHotDesk({ pinCost: DEFAULT_SCRYPT_COST });
    await hotDesk.extensions.seedPinsReady(); // the demo PINs are hashed after the start
    await hotDesk.extensions.create({ extension: '106', name: 'Gina Green', hotDesking: true });
    await hotDesk.extensions.lock('103', new Date(Date.parse('2025-03-01T10:00:00Z')));
    const logins = new HotDeskLogins({ hotDesk, now: () => hotDesk.now().getTime(), reprovision: () => undefined });
    await hotDesk.extensions.warmUp();
    const aliceHash = hotDesk.extensions.get('100')?.pin;
    if (!aliceHash) throw new Error('the demo seed has a PIN for 100');

    const oneCheck = await median(() => verifySecret('000000', aliceHash));
    const refusals = {
      wrongPin: await median(() => logins.checkPin('HD0001', '100', '000000')),
      unknownExtension: await median(() => logins.checkPin('HD0001', '999', '000000')),
      hotDeskingOff: await median(() => logins.checkPin('HD0001', '104', '295731')),
      noPin: await median(() => logins.checkPin('HD0001', '106', '000000')),
      locked: await median(() => logins.checkPin('HD0001', '103', '614250')),
    };
    await logins.settled();
    for (const [reason, time] of Object.entries(refusals)) {
      expect({ reason, ratio: time / oneCheck }).toEqual({ reason, ratio: expect.toSatisfy((ratio: number) => ratio > 0.2 && ratio < 5) });
    }
    expect(hotDesk.audit.list({ kinds: ['hotdesk.pin-failed'] })).toHaveLength(5 * SAMPLES);
  });
});
