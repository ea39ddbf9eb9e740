import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface HostProcess {
  child: ChildProcess;
  origin: string;
  stop(): Promise<void>;
}

/** Starts `npm run start:web`'s entry point as its own process and resolves when it prints its phone URL. */
export function startHostProcess(repoRoot: string, port: number, dataDir = mkdtempSync(path.join(tmpdir(), 'hotdesk-bench-'))): Promise<HostProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/host/cli.ts', '--port', String(port), '--mode', 'demo', '--data-dir', dataDir],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  // Never leave the host running when the test or bench that started it dies.
  const killHost = () => child.kill('SIGTERM');
  process.once('exit', killHost);
  child.once('exit', () => process.off('exit', killHost));
  return new Promise((resolve, reject) => {
    let output = '';
    const exitedEarly = (code: number | null) => reject(new Error(`web host exited early with ${code}: ${output}`));
    child.once('exit', exitedEarly);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Phone \(this kiosk\):\s+(http:\/\/\S+?)\/\s/.exec(output);
      if (!match) return;
      child.off('exit', exitedEarly);
      resolve({
        child,
        origin: match[1] as string,
        stop: () =>
          new Promise<void>((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
