import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallRecord } from '../../shared/contracts';
import { BridgeTestClient } from './support/bridgeClient';
import { startTestServices } from './support/deviceServices';

const BOB = 'account:sip:101@hotdesk.local';
const CALL: CallRecord = { id: 'c1', direction: 'incoming', number: '102', name: 'Carol Chen', outcome: 'missed', at: 1_764_600_000_000, durationS: 0 };

const running: Array<{ stop(): Promise<void> }> = [];
afterEach(async () => {
  for (const services of running.splice(0)) await services.stop();
});

async function start(dataDir?: string) {
  const services = await startTestServices(null, dataDir ? { dataDir } : {});
  running.push(services);
  return services;
}

describe('recent calls kept by the device host, over the bridge', () => {
  it('survive a restart of the host, reach the other pages of the device, and refuse changes about another identity', async () => {
    const services = await start();
    const page = await BridgeTestClient.openPage(services.origin, '?account=101');
    const other = await BridgeTestClient.openPage(services.origin, '?account=101');
    const stranger = await BridgeTestClient.openPage(services.origin, '?account=102');

    expect(await page.request('history.get')).toMatchObject({ ok: true, result: { identity: BOB, history: { calls: [], doNotDisturb: false } } });
    await page.request('history.change', [BOB, { kind: 'record', call: CALL }]);
    await page.request('history.change', [BOB, { kind: 'dialled', number: '201' }]);
    const dnd = await page.request('history.change', [BOB, { kind: 'do-not-disturb', on: true }]);
    const expected = { identity: BOB, history: { calls: [CALL], redialNumber: '201', missedUnseen: 1, doNotDisturb: true } };
    expect(dnd).toMatchObject({ ok: true, result: expected });
    const pushed = await other.waitFor((message) => message.type === 'event' && message.name === 'history.changed' && JSON.stringify(message.payload).includes('"doNotDisturb":true'));
    expect(pushed).toMatchObject({ payload: expected });
    // Another device (page of extension 102) neither sees it nor hears of it.
    expect(await stranger.request('history.get')).toMatchObject({ result: { identity: 'account:sip:102@hotdesk.local', history: { calls: [] } } });
    expect(stranger.received.some((message) => message.type === 'event' && message.name === 'history.changed')).toBe(false);
    // A late change about someone else is dropped.
    expect(await page.request('history.change', ['user:100', { kind: 'dialled', number: '999' }])).toMatchObject({ result: expected });
    expect(await page.request('history.change', [BOB, { kind: 'record', call: { ...CALL, number: 'x'.repeat(65) } }])).toMatchObject({ ok: false });
    for (const client of [page, other, stranger]) client.close();
    await services.stop();
    running.length = 0;
    expect(readdirSync(path.join(services.dataDir, 'call-history'))).toEqual(['account-101.json']);

    const restarted = await start(services.dataDir);
    const again = await BridgeTestClient.openPage(restarted.origin, '?account=101');
    expect(await again.request('history.get')).toMatchObject({ ok: true, result: expected });
    again.close();
  });
});
