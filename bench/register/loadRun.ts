import { monitorEventLoopDelay } from 'node:perf_hooks';
import { cpuSeconds, machineBusySeconds } from '../support/procCpu';
import type { ServerLoopStats } from './pbxProcess';
import { RegisterClient, type Account, type RegistrationResult } from './client';

export interface LoadOptions {
  wsUrl: string;
  accounts: readonly Account[];
  clients: number;
  /** Refreshes per second each client aims for (its own fixed schedule; it never has two REGISTERs outstanding). */
  perClientRate: number;
  warmupSeconds: number;
  durationSeconds: number;
  /** Forget the nonce before every refresh, so each one is 401 + authenticated REGISTER. */
  freshAuth: boolean;
  /** The server's processes, for its CPU use over the window. */
  serverPids(): number[];
  /** The server's own event-loop stats since the last call, where it can tell them (our bench child only). */
  serverLoopStats?(): Promise<ServerLoopStats | null>;
}

export interface LoadResult {
  /** Successful registrations (200 OK) completed inside the window. */
  registered: number;
  registrationsPerSecond: number;
  /** All REGISTER transactions (200 and 401) completed inside the window. */
  transactionsPerSecond: number;
  /** Send of the first REGISTER of a refresh → its 200 OK, ms, sorted. */
  latencies: number[];
  /** Scheduled send time → 200 OK, ms, sorted: includes time a client waited because it was behind schedule. */
  scheduleLatencies: number[];
  challenges: number;
  staleChallenges: number;
  /** Whole run (warm-up, window, drain): reason → count. */
  errors: Map<string, number>;
  errorsInWindow: number;
  connected: number;
  connectFailures: number;
  /** Clients that were still running at the end of the window. */
  aliveAtEnd: number;
  serverCpuPercent: number;
  generatorCpuPercent: number;
  generatorLoopDelayP99Ms: number;
  generatorLoopDelayMaxMs: number;
  /** The server's event loop over the window (null when it cannot tell). */
  serverLoop: ServerLoopStats | null;
  /** CPU used in the window by everything else on the machine (other test runs, …), % of one core: noise. */
  otherCpuPercent: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '[::1]') {
    throw new Error(`refusing to send load to ${host}: the REGISTER bench targets 127.0.0.1 only`);
  }
}

/** Connects `clients` UAs, lets them refresh for warm-up + window, and measures the window. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  assertLoopback(options.wsUrl);
  const errors = new Map<string, number>();
  const countError = (reason: string) => errors.set(reason, (errors.get(reason) ?? 0) + 1);
  const clients: RegisterClient[] = [];
  let connectFailures = 0;
  for (let i = 0; i < options.clients; i += 10) {
    const batch = await Promise.allSettled(
      Array.from({ length: Math.min(10, options.clients - i) }, (_, j) =>
        RegisterClient.connect(options.wsUrl, options.accounts[(i + j) % options.accounts.length] as Account),
      ),
    );
    for (const outcome of batch) {
      if (outcome.status === 'fulfilled') clients.push(outcome.value);
      else {
        connectFailures += 1;
        countError(`connect: ${(outcome.reason as Error).message}`);
      }
    }
  }

  const interval = 1000 / options.perClientRate;
  const start = performance.now() + 50;
  const windowStart = start + options.warmupSeconds * 1000;
  const windowEnd = windowStart + options.durationSeconds * 1000;
  const latencies: number[] = [];
  const scheduleLatencies: number[] = [];
  let registered = 0;
  let transactions = 0;
  let challenges = 0;
  let staleChallenges = 0;
  let errorsInWindow = 0;
  let aliveAtEnd = 0;
  const inWindow = (at: number) => at >= windowStart && at < windowEnd;

  const record = (result: RegistrationResult, scheduledAt: number) => {
    if (result.kind === 'error') {
      countError(result.reason);
      if (inWindow(result.completedAt)) {
        errorsInWindow += 1;
        transactions += result.transactions;
      }
      return;
    }
    if (!inWindow(result.completedAt)) return;
    registered += 1;
    transactions += result.transactions;
    challenges += result.challenges;
    staleChallenges += result.staleChallenges;
    latencies.push(result.completedAt - result.sentAt);
    scheduleLatencies.push(result.completedAt - scheduledAt);
  };

  const loop = async (client: RegisterClient) => {
    // Spread the clients over one interval so they do not all refresh in the same millisecond.
    let scheduledAt = start + Math.random() * interval;
    for (;;) {
      await sleep(scheduledAt - performance.now());
      if (performance.now() >= windowEnd) {
        aliveAtEnd += 1;
        return;
      }
      const result = await client.register(options.freshAuth);
      record(result, scheduledAt);
      if (result.kind === 'error' && result.fatal) return;
      // Next slot on the fixed schedule; a client that fell behind sends at once but never catches up in a burst.
      scheduledAt = Math.max(scheduledAt + interval, performance.now());
    }
  };

  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  let serverCpuAtStart = 0;
  let machineAtStart = 0;
  let otherCpu = 0;
  let serverLoop: Promise<ServerLoopStats | null> = Promise.resolve(null);
  let generatorCpuAtStart = process.cpuUsage();
  const windowTimers = [
    setTimeout(() => {
      serverCpuAtStart = cpuSeconds(options.serverPids());
      machineAtStart = machineBusySeconds();
      void options.serverLoopStats?.(); // resets the server's counters
      generatorCpuAtStart = process.cpuUsage();
      loopDelay.enable();
    }, windowStart - performance.now()),
  ];
  let serverCpu = 0;
  let generatorCpu = 0;
  windowTimers.push(
    setTimeout(() => {
      serverCpu = cpuSeconds(options.serverPids()) - serverCpuAtStart;
      const used = process.cpuUsage(generatorCpuAtStart);
      generatorCpu = (used.user + used.system) / 1e6;
      otherCpu = machineBusySeconds() - machineAtStart - serverCpu - generatorCpu;
      serverLoop = options.serverLoopStats?.() ?? Promise.resolve(null);
      loopDelay.disable();
    }, windowEnd - performance.now()),
  );
  await Promise.all(clients.map(loop));
  windowTimers.forEach(clearTimeout);
  await Promise.all(clients.map((client) => client.close()));

  latencies.sort((a, b) => a - b);
  scheduleLatencies.sort((a, b) => a - b);
  const seconds = options.durationSeconds;
  return {
    registered,
    registrationsPerSecond: registered / seconds,
    transactionsPerSecond: transactions / seconds,
    latencies,
    scheduleLatencies,
    challenges,
    staleChallenges,
    errors,
    errorsInWindow,
    connected: clients.length,
    connectFailures,
    aliveAtEnd,
    serverCpuPercent: (serverCpu / seconds) * 100,
    generatorCpuPercent: (generatorCpu / seconds) * 100,
    generatorLoopDelayP99Ms: loopDelay.percentile(99) / 1e6,
    generatorLoopDelayMaxMs: loopDelay.max / 1e6,
    serverLoop: await serverLoop,
    otherCpuPercent: Math.max(0, (otherCpu / seconds) * 100),
  };
}
