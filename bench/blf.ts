/**
 * BLF fan-out: M monitored extensions, each watched by W devices over real WebSockets (the dialog event package,
 * RFC 4235), on the embedded PBX in a process of its own (bench/register/pbxChild.ts: this process's clients do not
 * share its event loop). A caller rings each extension (INVITE → its phone answers 180) and then the phone refuses
 * the call (486): two state changes per extension. For each change the bench measures the time from sending the
 * message that causes it to the last watcher's NOTIFY showing the new lamp — one extension changing at a time, then
 * `--concurrency` at once — and the NOTIFYs per second of the burst run. The load starts once every initial NOTIFY has
 * arrived and the PBX's NOTIFY pacing window (4 per subscription per second) has passed since — the steady state of a
 * panel whose subscriptions are established. Last, more watcher devices subscribe until `--heap-devices` hold their
 * subscriptions, and the PBX's heap (after a full collection) is compared with its heap before any watcher came.
 *
 *   npm run bench:blf -- [--extensions 200] [--watchers 20] [--keys 20] [--concurrency 10] [--heap-devices 1000]
 *
 * Each watcher device monitors `--keys` extensions (a BLF panel's worth) and each extension gets exactly `--watchers`
 * watchers, so there are extensions × watchers / keys devices and extensions × watchers subscriptions.
 * Targets (README, "BLF keys"): p95 < 100 ms at 200 × 20; heap growth < 40 MB per 1,000 devices.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { BlfState } from '../shared/domain/blfLayout';
import { DialogWatcher, type Notification } from '../test/integration/support/dialogWatcher';
import { DUMMY_OFFER, RawSipClient, respondTo } from '../test/integration/support/rawSipClient';
import { startPbxProcess, type PbxProcess } from './register/pbxProcess';
import { cpuSeconds } from './support/procCpu';
import { percentile } from './support/stats';

const { values } = parseArgs({
  options: {
    extensions: { type: 'string', default: '200' },
    watchers: { type: 'string', default: '20' },
    keys: { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '10' },
    'heap-devices': { type: 'string', default: '1000' },
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
const HEAP_DEVICES = Math.max(count('heap-devices'), DEVICES);
if (HEAP_DEVICES > 9999) throw new Error('--heap-devices: at most 9999');
const PASSWORD = 'bench-blf';
const CALLER = '29999';
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const extensionUser = (index: number) => String(20000 + index);
const deviceUser = (index: number) => `3${String(index).padStart(4, '0')}`;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

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

  async settleAt(total: number): Promise<void> {
    while (this.notified < total) await pause(20);
  }
}

async function inBatches<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += size) await Promise.all(items.slice(start, start + size).map(work));
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, index) => from + index);

/** The PBX child with the bench's extensions, watcher devices and caller as SIP accounts. */
async function startPbx(dataDir: string): Promise<PbxProcess> {
  const accounts = [
    ...range(0, EXTENSIONS).map((index) => ({ user: extensionUser(index), displayName: `Bench ${index}`, password: PASSWORD })),
    ...range(0, HEAP_DEVICES).map((index) => ({ user: deviceUser(index), displayName: `Watcher ${index}`, password: PASSWORD })),
    { user: CALLER, displayName: 'Bench caller', password: PASSWORD },
  ];
  const file = path.join(dataDir, 'bench-accounts.json');
  writeFileSync(file, JSON.stringify(accounts));
  return startPbxProcess(repoRoot, { entry: 'bench', nodeArgs: ['--expose-gc'], args: ['--accounts', file], dataDir: path.join(dataDir, 'pbx') });
}

class Bench {
  readonly clients: RawSipClient[] = [];
  readonly phones = new Map<string, RawSipClient>();
  readonly arrivals = new Arrivals();
  caller: RawSipClient | null = null;

  constructor(private readonly pbx: PbxProcess) {}

  async registered(user: string): Promise<RawSipClient> {
    const client = await RawSipClient.connect(this.pbx.wsUrl);
    this.clients.push(client);
    const status = await client.register(user, PASSWORD, 'hotdesk.local', 3600);
    if (status !== 200) throw new Error(`REGISTER ${user} answered ${status}`);
    return client;
  }

  async registerPhones(): Promise<void> {
    await inBatches(range(0, EXTENSIONS), 50, async (index) => {
      this.phones.set(extensionUser(index), await this.registered(extensionUser(index)));
    });
    this.caller = await this.registered(CALLER);
  }

  /** Watcher devices `from`..`to`-1, each subscribing to its `KEYS` extensions; resolves when all subscribed. */
  async addWatchers(from: number, to: number): Promise<void> {
    await inBatches(range(from, to), 25, async (device) => {
      const user = deviceUser(device);
      const watcher = new DialogWatcher(await this.registered(user), user);
      const extensionOf = new Map<string, string>();
      watcher.onNotification((notification) => this.arrivals.arrived(extensionOf.get(notification.callId) ?? '', notification));
      for (let key = 0; key < KEYS; key++) {
        const extension = extensionUser((device * KEYS + key) % EXTENSIONS);
        const callId = `watch-${device}-${key}@bench`;
        extensionOf.set(callId, extension);
        const subscription = await watcher.subscribe(extension, { expires: 3600, callId });
        if (subscription.response.status !== 200) throw new Error(`SUBSCRIBE ${extension} answered ${subscription.response.status}`);
      }
    });
    await this.arrivals.settleAt(to * KEYS);
  }

  /** Every extension rings and refuses, `concurrency` at a time: the latency of each change, and NOTIFY/s. */
  async changes(concurrency: number, run: string): Promise<Run> {
    const latencies: number[] = [];
    const notifiedBefore = this.arrivals.notified;
    const cpuBefore = cpuSeconds([this.pbx.pid]);
    const started = performance.now();
    await inBatches(range(0, EXTENSIONS), concurrency, async (index) => {
      latencies.push(...(await this.ringAndRefuse(extensionUser(index), `${run}-${index}`)));
    });
    const seconds = (performance.now() - started) / 1000;
    const notifies = this.arrivals.notified - notifiedBefore;
    return { latencies, notifies, notifiesPerSecond: notifies / seconds, pbxCpuSeconds: cpuSeconds([this.pbx.pid]) - cpuBefore };
  }

  close(): void {
    for (const client of this.clients) client.close();
  }

  private async ringAndRefuse(extension: string, run: string): Promise<number[]> {
    const caller = this.caller as RawSipClient;
    const phone = this.phones.get(extension) as RawSipClient;
    const ringing = this.arrivals.expect(extension, 'ringing', WATCHERS);
    const callId = `bench-${run}@bench`;
    const sentInvite = performance.now();
    caller.send(
      caller
        .request('INVITE', `sip:${extension}@hotdesk.local`, { from: `sip:${CALLER}@hotdesk.local`, cseq: 1, headers: ['Content-Type: application/sdp'], body: DUMMY_OFFER })
        .replace(/^Call-ID: .*$/m, `Call-ID: ${callId}`),
    );
    const invite = await phone.next((text) => text.startsWith('INVITE ') && text.includes(callId));
    respondTo(phone, invite, '180 Ringing');
    const toRinging = (await ringing) - sentInvite;
    const idle = this.arrivals.expect(extension, 'idle', WATCHERS);
    const sentRefusal = performance.now();
    respondTo(phone, invite, '486 Busy Here');
    return [toRinging, (await idle) - sentRefusal];
  }
}

interface Run {
  latencies: number[];
  notifies: number;
  notifiesPerSecond: number;
  /** CPU time of the PBX process over the run (calls, NOTIFYs and their 200 OKs). */
  pbxCpuSeconds: number;
}

async function heapMb(pbx: PbxProcess): Promise<number> {
  const stats = await pbx.loopStats();
  if (!stats) throw new Error('the PBX child did not report its heap');
  return stats.heapUsedMb;
}

function describeLatencies(latencies: readonly number[]): string {
  const sorted = [...latencies].sort((a, b) => a - b);
  return `p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, max ${ms(sorted.at(-1) ?? Number.NaN)} over ${sorted.length} changes`;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hotdesk-bench-blf-'));
  const pbx = await startPbx(dataDir);
  const bench = new Bench(pbx);
  try {
    await bench.registerPhones();
    const heapBefore = await heapMb(pbx);
    const started = performance.now();
    await bench.addWatchers(0, DEVICES);
    const setupSeconds = (performance.now() - started) / 1000;

    // Steady state: the PBX's pacing window (1 s) has passed since the initial NOTIFYs.
    await pause(1100);
    const single = await bench.changes(1, 'single');
    await pause(1100);
    const burst = await bench.changes(CONCURRENCY, 'burst');

    await bench.addWatchers(DEVICES, HEAP_DEVICES);
    const heapAfter = await heapMb(pbx);
    const growthPer1000 = ((heapAfter - heapBefore) * 1000) / HEAP_DEVICES;

    console.log(`BLF fan-out: ${EXTENSIONS} extensions × ${WATCHERS} watchers = ${EXTENSIONS * WATCHERS} subscriptions on ${DEVICES} watcher devices (${KEYS} keys each); PBX in its own process`);
    console.log(`  machine load average (1 min) at the end: ${loadavg()[0]?.toFixed(1)} — the figures below are only as good as the idle CPU`);
    console.log(`  setup (register ${DEVICES} watcher devices, subscribe, initial NOTIFYs): ${setupSeconds.toFixed(1)} s`);
    console.log(`  state change → last watcher's NOTIFY, 1 extension changing at a time: ${describeLatencies(single.latencies)}`);
    console.log(`  state change → last watcher's NOTIFY, ${CONCURRENCY} extensions changing at once: ${describeLatencies(burst.latencies)}`);
    console.log(`  NOTIFYs sustained over the ${CONCURRENCY}-at-once run: ${Math.round(burst.notifiesPerSecond)} NOTIFY/s (one at a time: ${Math.round(single.notifiesPerSecond)} NOTIFY/s)`);
    const cpuPerNotify = (run: Run) => `${((run.pbxCpuSeconds * 1e6) / run.notifies).toFixed(0)} µs`;
    console.log(`  PBX CPU per NOTIFY (the call's own messages included): ${cpuPerNotify(single)} one at a time, ${cpuPerNotify(burst)} ${CONCURRENCY} at once`);
    console.log(
      `  PBX heap (after a full GC): ${heapBefore.toFixed(1)} MB with the ${EXTENSIONS} extensions registered, ${heapAfter.toFixed(1)} MB with ${HEAP_DEVICES} idle registered devices holding ${HEAP_DEVICES * KEYS} subscriptions: ${growthPer1000.toFixed(1)} MB per 1,000 devices`,
    );
  } finally {
    bench.close();
    await pbx.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
