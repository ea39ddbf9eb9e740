/**
 * The real embedded PBX (demo mode) behind a node:http server, as its own process for `bench/register.ts`, so the
 * load generator does not share its event loop. Prints `... ws://<host>:<port>/sip` when ready; stops on SIGTERM,
 * SIGINT or when its stdin closes (parent gone), exiting normally so `node --cpu-prof` can write its profile.
 * On SIGUSR2 it prints `BENCH-STATS {json}` (its event-loop delay and GC pauses since the previous SIGUSR2, and its
 * heap — after a full collection when Node runs with --expose-gc) and resets. `--accounts <file.json>` adds SIP
 * accounts (`[{ "user", "displayName", "password" }]`, extensions) to the demo ones, for benches that need many.
 *
 *   node --import tsx bench/register/pbxChild.ts [--port 0] [--host 127.0.0.1] [--data-dir <dir>] [--accounts <file>]
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver, constants as perfConstants } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { loadMediaEndpoint } from '../../electron/pbx/media/loadMediaEndpoint';
import { startPbx } from '../../electron/pbx/server';
import { SIP_PATH, sipWebSocketUrl } from '../../shared/sip/sipWebSocket';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '0' }, host: { type: 'string', default: '127.0.0.1' }, 'data-dir': { type: 'string' }, accounts: { type: 'string' } },
});
const host = values.host;
const ownDataDir = values['data-dir'] === undefined;
const dataDir = values['data-dir'] ?? mkdtempSync(path.join(tmpdir(), 'hotdesk-bench-pbx-'));

const pbx = await startPbx({ mode: 'demo', dataDir, host });
if (values.accounts !== undefined) {
  const extra = JSON.parse(readFileSync(values.accounts, 'utf8')) as Array<{ user: string; displayName: string; password: string }>;
  for (const { user, displayName, password } of extra) pbx.accounts.addWithPassword(user, displayName, 'extension', password);
}
// The PBX loads its WebRTC stack (werift) 5 s after start, blocking its event loop meanwhile; load it now so the
// measurement sees the steady state, and say how long that block is.
const mediaStart = performance.now();
await loadMediaEndpoint();
console.log(`media stack preloaded in ${Math.round(performance.now() - mediaStart)} ms`);
const server = createServer((_req, res) => res.writeHead(404).end());
server.on('upgrade', (request, socket, head) => {
  if (new URL(request.url ?? '/', 'http://x').pathname === SIP_PATH) pbx.handleSipUpgrade(request, socket, head);
  else socket.destroy();
});
await new Promise<void>((resolve) => server.listen(Number(values.port), host, resolve));
const { port } = server.address() as AddressInfo;
console.log(`Hotdesk PBX (bench child, pid ${process.pid}) ready on ${sipWebSocketUrl(false, `${host}:${port}`)}`);

// What the PBX's own event loop went through: the load generator sees only the sum of everything on the way.
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();
const gc = { count: 0, totalMs: 0, maxMs: 0, majorCount: 0, majorMs: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gc.count += 1;
    gc.totalMs += entry.duration;
    gc.maxMs = Math.max(gc.maxMs, entry.duration);
    if (((entry as PerformanceEntry & { detail?: { kind?: number } }).detail)?.kind === perfConstants.NODE_PERFORMANCE_GC_MAJOR) {
      gc.majorCount += 1;
      gc.majorMs += entry.duration;
    }
  }
}).observe({ entryTypes: ['gc'] });
process.on('SIGUSR2', () => {
  (globalThis as { gc?: () => void }).gc?.();
  const ms = (ns: number) => ns / 1e6;
  const stats = { loopDelayP99Ms: ms(loopDelay.percentile(99)), loopDelayMaxMs: ms(loopDelay.max), gc: { ...gc }, heapUsedMb: process.memoryUsage().heapUsed / 2 ** 20 };
  console.log(`BENCH-STATS ${JSON.stringify(stats)}`);
  loopDelay.reset();
  Object.assign(gc, { count: 0, totalMs: 0, maxMs: 0, majorCount: 0, majorMs: 0 });
});

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await pbx.stop();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
process.stdin.on('end', () => void stop());
process.stdin.resume();
