/**
 * BLF fan-out: M monitored extensions, each watched by W devices over real WebSockets (the dialog event package,
 * RFC 4235), on the embedded PBX in this process. A caller rings each extension (INVITE → its phone answers 180) and
 * then the phone refuses the call (486): two state changes per extension. For each change the bench measures the time
 * from sending the message that causes it to the last watcher's NOTIFY showing the new lamp, and the NOTIFYs per
 * second over the whole run. The load starts once every initial NOTIFY has arrived and the PBX's NOTIFY pacing window
 * (4 per subscription per second) has passed since — the steady state of a panel whose subscriptions are established.
 *
 *   npm run bench:blf -- [--extensions 200] [--watchers 20] [--keys 20] [--concurrency 10]
 *
 * Each watcher device monitors `--keys` extensions (a BLF panel's worth) and each extension gets exactly `--watchers`
 * watchers, so there are extensions × watchers / keys devices and extensions × watchers subscriptions.
 * Target (issue): p95 < 100 ms at 200 × 20.
 */
import { parseArgs } from 'node:util';
import type { BlfState } from '../shared/domain/blfLayout';
import { DialogWatcher, type Notification } from '../test/integration/support/dialogWatcher';
import { startTestPbx, type TestPbx } from '../test/integration/support/pbxServer';
import { DUMMY_OFFER, RawSipClient, respondTo } from '../test/integration/support/rawSipClient';
import { percentile } from './support/stats';

const { values } = parseArgs({
  options: {
    extensions: { type: 'string', default: '200' },
    watchers: { type: 'string', default: '20' },
    keys: { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '10' },
  },
});
const count = (name: keyof typeof values) => {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number of at least 1`);
  return value;
};
const EXTENSIONS = count('extensions');
const WATCHERS = count('watchers');
const KEYS = Math.min(count('keys'), EXTENSIONS);
const CONCURRENCY = count('concurrency');
if ((EXTENSIONS * WATCHERS) % KEYS !== 0) throw new Error('extensions × watchers must be a multiple of keys');
const DEVICES = (EXTENSIONS * WATCHERS) / KEYS;
const PASSWORD = 'bench-blf';
const extensionUser = (index: number) => String(20000 + index);

/** Resolves when `expected` watchers have seen `state` for `extension`. */
class Arrivals {
  private readonly waits = new Map<string, { seen: number; expected: number; last: number; done(last: number): void }>();
  notified = 0;

  expect(extension: string, state: BlfState, expected: number): Promise<number> {
    return new Promise((resolve) => this.waits.set(`${extension} ${state}`, { seen: 0, expected, last: 0, done: resolve }));
  }

  arrived(extension: string, notification: Notification): void {
    this.notified++;
    const wait = this.waits.get(`${extension} ${notification.state}`);
    if (!wait) return;
    wait.seen++;
    wait.last = Math.max(wait.last, notification.receivedAt);
    if (wait.seen === wait.expected) {
      this.waits.delete(`${extension} ${notification.state}`);
      wait.done(wait.last);
    }
  }
}

async function inBatches<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += size) await Promise.all(items.slice(start, start + size).map(work));
}

async function registeredClient(server: TestPbx, user: string): Promise<RawSipClient> {
  const client = await RawSipClient.connect(server.wsUrl);
  const status = await client.register(user, PASSWORD, 'hotdesk.local', 3600);
  if (status !== 200) throw new Error(`REGISTER ${user} answered ${status}`);
  return client;
}

async function main(): Promise<void> {
  const server = await startTestPbx();
  const { accounts, sip } = server.pbx;
  for (let index = 0; index < EXTENSIONS; index++) accounts.addWithPassword(extensionUser(index), `Bench ${index}`, 'extension', PASSWORD);
  for (let index = 0; index < DEVICES; index++) accounts.addWithPassword(`3${String(index).padStart(4, '0')}`, `Watcher ${index}`, 'extension', PASSWORD);
  accounts.addWithPassword('29999', 'Bench caller', 'extension', PASSWORD);
  const clients: RawSipClient[] = [];
  try {
    const phones = new Map<string, RawSipClient>();
    await inBatches([...Array(EXTENSIONS).keys()], 50, async (index) => {
      const phone = await registeredClient(server, extensionUser(index));
      phones.set(extensionUser(index), phone);
      clients.push(phone);
    });
    const caller = await registeredClient(server, '29999');
    clients.push(caller);

    const arrivals = new Arrivals();
    const started = performance.now();
    await inBatches([...Array(DEVICES).keys()], 25, async (device) => {
      const user = `3${String(device).padStart(4, '0')}`;
      const client = await registeredClient(server, user);
      clients.push(client);
      const watcher = new DialogWatcher(client, user);
      const extensionOf = new Map<string, string>();
      watcher.onNotification((notification) => arrivals.arrived(extensionOf.get(notification.callId) ?? '', notification));
      for (let key = 0; key < KEYS; key++) {
        const extension = extensionUser((device * KEYS + key) % EXTENSIONS);
        const callId = `watch-${device}-${key}@bench`;
        extensionOf.set(callId, extension);
        const subscription = await watcher.subscribe(extension, { expires: 3600, callId });
        if (subscription.response.status !== 200) throw new Error(`SUBSCRIBE ${extension} answered ${subscription.response.status}`);
      }
    });
    const setupSeconds = (performance.now() - started) / 1000;
    if (sip.dialogEvents.size !== EXTENSIONS * WATCHERS) throw new Error(`expected ${EXTENSIONS * WATCHERS} subscriptions, the PBX holds ${sip.dialogEvents.size}`);

    // Steady state: every initial NOTIFY in, and the PBX's pacing window (1 s) since them passed — a panel's
    // subscriptions are long established when a colleague's phone rings.
    while (arrivals.notified < EXTENSIONS * WATCHERS) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const latencies: number[] = [];
    const notifiedBefore = arrivals.notified;
    const loadStart = performance.now();
    await inBatches([...Array(EXTENSIONS).keys()], CONCURRENCY, async (index) => {
      const extension = extensionUser(index);
      const phone = phones.get(extension) as RawSipClient;
      const ringing = arrivals.expect(extension, 'ringing', WATCHERS);
      const callId = `bench-${index}-${Date.now()}@bench`;
      const sentInvite = performance.now();
      caller.send(
        caller
          .request('INVITE', `sip:${extension}@hotdesk.local`, { from: 'sip:29999@hotdesk.local', cseq: 1, headers: ['Content-Type: application/sdp'], body: DUMMY_OFFER })
          .replace(/^Call-ID: .*$/m, `Call-ID: ${callId}`),
      );
      const invite = await phone.next((text) => text.startsWith('INVITE ') && text.includes(callId));
      respondTo(phone, invite, '180 Ringing');
      latencies.push((await ringing) - sentInvite);
      const idle = arrivals.expect(extension, 'idle', WATCHERS);
      const sentRefusal = performance.now();
      respondTo(phone, invite, '486 Busy Here');
      latencies.push((await idle) - sentRefusal);
    });
    const loadSeconds = (performance.now() - loadStart) / 1000;
    const notifies = arrivals.notified - notifiedBefore;
    const sorted = [...latencies].sort((a, b) => a - b);
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    console.log(`BLF fan-out: ${EXTENSIONS} extensions × ${WATCHERS} watchers = ${EXTENSIONS * WATCHERS} subscriptions on ${DEVICES} watcher devices (${KEYS} keys each), ${CONCURRENCY} extensions changing at once`);
    console.log(`  setup (register ${DEVICES + EXTENSIONS + 1} WebSockets, subscribe, initial NOTIFYs): ${setupSeconds.toFixed(1)} s`);
    console.log(`  state change → last watcher's NOTIFY over ${sorted.length} changes: p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, max ${ms(sorted.at(-1) ?? Number.NaN)}`);
    console.log(`  ${notifies} NOTIFYs in ${loadSeconds.toFixed(2)} s: ${Math.round(notifies / loadSeconds)} NOTIFY/s (PBX and all clients share this process's one core)`);
    console.log(`  heap of this process (PBX + clients) with every subscription held: ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
  } finally {
    for (const client of clients) client.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
