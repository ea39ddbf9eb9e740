import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export type PbxEntry = 'bench' | 'cli';

/** What the bench child reports about its own event loop on SIGUSR2 (see pbxChild.ts). */
export interface ServerLoopStats {
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  gc: { count: number; totalMs: number; maxMs: number; majorCount: number; majorMs: number };
  heapUsedMb: number;
}

export interface PbxProcess {
  child: ChildProcess;
  pid: number;
  wsUrl: string;
  /** How long the bench child took to preload the media stack (its event loop is blocked meanwhile); null for cli.ts. */
  mediaPreloadMs: number | null;
  readyAt: number;
  /** The PBX's last output lines, for error reports. */
  outputTail(): string;
  /** The bench child's loop stats since the previous call (null for electron/pbx/cli.ts, which has no such signal). */
  loopStats(): Promise<ServerLoopStats | null>;
  stop(): Promise<void>;
}

export const BENCH_CHILD = 'bench/register/pbxChild.ts';
export const PBX_CLI = 'electron/pbx/cli.ts';

export function pbxEntryPath(repoRoot: string, entry: PbxEntry): string | null {
  const file = path.join(repoRoot, entry === 'cli' ? PBX_CLI : BENCH_CHILD);
  return existsSync(file) ? file : null;
}

/**
 * Starts the embedded PBX (demo mode, loopback, free port) in its own Node process and resolves with its WebSocket
 * URL once it prints `ws://127.0.0.1:<port>/sip`. `nodeArgs` go to that Node (e.g. `--cpu-prof`), `args` to the entry.
 */
export function startPbxProcess(repoRoot: string, options: { entry: PbxEntry; nodeArgs?: string[]; args?: string[]; dataDir: string }): Promise<PbxProcess> {
  const entryFile = pbxEntryPath(repoRoot, options.entry);
  if (!entryFile) return Promise.reject(new Error(`PBX entry ${options.entry} not found in ${repoRoot}`));
  const args = [...(options.nodeArgs ?? []), '--import', 'tsx', entryFile, '--host', '127.0.0.1', '--data-dir', options.dataDir];
  if (options.entry === 'cli') args.push('--port', '0', '--mode', 'demo');
  args.push(...(options.args ?? []));
  const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let ready = false;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`PBX did not print its ws:// URL within 30 s:\n${tail}`));
    }, 30_000);
    child.once('exit', (code, signal) => {
      clearTimeout(timeout);
      if (!ready) reject(new Error(`PBX exited early (${code ?? signal}):\n${tail}`));
    });
    const onData = () => {
      const match = /ws:\/\/127\.0\.0\.1:(\d+)\/sip\b/.exec(tail);
      if (!match || match[1] === '0') return;
      clearTimeout(timeout);
      ready = true;
      child.stdout.off('data', onData);
      resolve({
        child,
        pid: child.pid as number,
        wsUrl: match[0],
        mediaPreloadMs: Number(/media stack preloaded in (\d+) ms/.exec(tail)?.[1] ?? NaN) || null,
        readyAt: performance.now(),
        outputTail: () => tail,
        loopStats: () => {
          if (options.entry !== 'bench') return Promise.resolve(null);
          return new Promise((done) => {
            let text = '';
            const timer = setTimeout(() => finish(null), 1_000);
            const finish = (stats: ServerLoopStats | null) => {
              clearTimeout(timer);
              child.stdout.off('data', onStats);
              done(stats);
            };
            const onStats = (chunk: Buffer) => {
              text += chunk.toString();
              const line = /BENCH-STATS (\{.*\})\n/.exec(text);
              if (line) finish(JSON.parse(line[1] as string) as ServerLoopStats);
            };
            child.stdout.on('data', onStats);
            child.kill('SIGUSR2');
          });
        },
        async stop() {
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.kill('SIGTERM');
          child.stdin.end();
          const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(killer);
        },
      });
    };
    child.stdout.on('data', onData);
  });
}
