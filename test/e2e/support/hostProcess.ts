import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface HostProcess {
  child: ChildProcess;
  origin: string;
  /** Everything the process printed to stdout so far. */
  output(): string;
  stop(): Promise<void>;
}

export interface HostProcessOptions {
  /** The host's flags besides --port and --data-dir; `--mode demo` by default. */
  args?: readonly string[];
  /** `source`: the TypeScript through tsx (the default, always current); `built`: the compiled dist/host/cli.mjs. */
  entry?: 'source' | 'built';
}

/** Starts `npm run start:web`'s entry point as its own process and resolves when it prints its phone URL. */
export function startHostProcess(
  repoRoot: string,
  port: number,
  dataDir = mkdtempSync(path.join(tmpdir(), 'hotdesk-bench-')),
  options: HostProcessOptions = {},
): Promise<HostProcess> {
  const entry = options.entry === 'built' ? ['dist/host/cli.mjs'] : ['--import', 'tsx', 'electron/host/cli.ts'];
  const args = [...entry, '--port', String(port), '--data-dir', dataDir, ...(options.args ?? ['--mode', 'demo'])];
  return startAndWaitFor(repoRoot, args, /Phone \(this kiosk\):\s+(http:\/\/\S+?)\/\s/, 'web host');
}

/** Starts the headless PBX (`npm run pbx`) as its own process; `origin` is its HTTP origin (the admin API's). */
export function startPbxProcess(repoRoot: string, dataDir = mkdtempSync(path.join(tmpdir(), 'hotdesk-pbx-')), args: readonly string[] = []): Promise<HostProcess> {
  const argv = ['--import', 'tsx', 'electron/pbx/cli.ts', '--port', '0', '--data-dir', dataDir, ...args];
  return startAndWaitFor(repoRoot, argv, /listening on ws(s?:\/\/\S+?)\/sip\s/, 'PBX').then((pbx) => ({ ...pbx, origin: `http${pbx.origin}` }));
}

/** `ws://host:port/sip` of a PBX process's origin. */
export function sipUrlOf(origin: string): string {
  return `${origin.replace(/^http/, 'ws')}/sip`;
}

function startAndWaitFor(repoRoot: string, args: string[], ready: RegExp, what: string): Promise<HostProcess> {
  const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
  // Never leave the process running when the test or bench that started it dies.
  const kill = () => child.kill('SIGTERM');
  process.once('exit', kill);
  child.once('exit', () => process.off('exit', kill));
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const exitedEarly = (code: number | null) => reject(new Error(`${what} exited early with ${code}: ${output}`));
    child.once('exit', exitedEarly);
    const onData = () => {
      const match = ready.exec(output);
      if (!match) return;
      child.stdout?.off('data', onData);
      child.off('exit', exitedEarly);
      resolve({
        child,
        origin: match[1] as string,
        output: () => output,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout?.on('data', onData);
  });
}
