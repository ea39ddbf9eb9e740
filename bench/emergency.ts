/**
 * On-site notification latency on loopback, with the real PBX (SIP over WebSocket, the emergency location and
 * notification, the admin API's event stream): from sending a registered desk's INVITE to 911 to the
 * `emergency-call` event arriving at a server-sent-events client. Each run is a new connection and a real call (a
 * WebRTC offer the demo operator answers), closed once answered.
 *
 *   npx tsx bench/emergency.ts [runs=50]
 */
import { ADMIN } from '../test/integration/admin/support/apiServer';
import { EventStreamClient } from '../test/integration/admin/support/eventStreamClient';
import { startTestPbx } from '../test/integration/support/pbxServer';
import { createBrowserPeer } from '../test/integration/support/browserPeer';
import { RawSipClient } from '../test/integration/support/rawSipClient';
import { percentile } from './support/stats';

const runs = Number(process.argv[2] ?? 50);
if (!Number.isInteger(runs) || runs < 1) throw new Error('runs must be a positive integer');

const server = await startTestPbx();
server.pbx.accounts.addWithPassword('HD0001', 'HD0001', 'pool', 'pool-secret');
const stream = await EventStreamClient.open(`${server.origin}/api/v1/events`, ADMIN);
await stream.until(() => stream.comments.includes('connected'));
const samples: number[] = [];
const statuses = new Map<number, number>();
const originalWarn = console.warn;
console.warn = () => undefined; // the PBX logs every emergency call; 50 lines would bury the result
try {
  for (let run = 0; run < runs; run++) {
    const desk = await RawSipClient.connect(server.wsUrl);
    if ((await desk.register('HD0001', 'pool-secret')) !== 200) throw new Error('HD0001 did not register');
    const peer = await createBrowserPeer();
    const seen = stream.events.length;
    const cseq = desk.nextCSeq();
    const start = performance.now();
    desk.send(desk.request('INVITE', 'sip:911@hotdesk.local', { from: 'sip:HD0001@hotdesk.local', cseq, headers: ['Content-Type: application/sdp'], body: peer.offer }));
    await stream.until(() => stream.events.slice(seen).some((event) => event.event === 'emergency-call'));
    samples.push(performance.now() - start);
    const { status } = await desk.response(cseq, 'INVITE');
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    desk.close();
    await peer.close();
  }
} finally {
  console.warn = originalWarn;
  stream.close();
  await server.stop();
}

const sorted = [...samples].sort((a, b) => a - b);
const ms = (value: number) => value.toFixed(1);
console.log(`emergency INVITE sent → emergency-call event at an SSE client, loopback, ${runs} runs (Node ${process.version})`);
console.log(`p50 ${ms(percentile(sorted, 50))} ms, p95 ${ms(percentile(sorted, 95))} ms (min ${ms(sorted[0] ?? NaN)}, max ${ms(sorted.at(-1) ?? NaN)})`);
console.log(`final responses to the INVITEs: ${[...statuses].map(([status, count]) => `${status} ×${count}`).join(', ')}`);
