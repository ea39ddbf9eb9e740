import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { processTree } from '../support/procCpu';

export interface KamailioPlan {
  binary: string;
  cfgPath: string;
  cfgText: string;
  port: number;
  /** Whether the cfg challenges REGISTER with digest authentication at all. */
  authenticatesRegister: boolean;
}

export interface KamailioProcess {
  pid: number;
  wsUrl: string;
  /** Main process and its forked workers, for CPU accounting. */
  pids(): number[];
  outputTail(): string;
  stop(): Promise<void>;
}

/** The cfg named by HOTDESK_KAMAILIO_CFG, else `../shared/interop/kamailio.cfg` next to the repo. */
export function kamailioCfgPath(repoRoot: string): string {
  return process.env.HOTDESK_KAMAILIO_CFG ?? path.resolve(repoRoot, '..', 'shared', 'interop', 'kamailio.cfg');
}

function findBinary(): string | null {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin'];
  for (const dir of dirs) {
    if (!dir) continue;
    const file = path.join(dir, 'kamailio');
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return null;
}

function withoutComments(cfg: string): string {
  return cfg
    .split('\n')
    .map((line) => line.replace(/(^|\s)#(?!!).*$/, '').replace(/\/\/.*$/, ''))
    .join('\n');
}

/** What is needed to run Kamailio as the comparison registrar, or why it cannot run here. */
export function planKamailio(repoRoot: string): KamailioPlan | { skip: string } {
  const binary = findBinary();
  if (!binary) return { skip: 'kamailio is not installed (apt-get install -y kamailio kamailio-websocket-modules)' };
  const cfgPath = kamailioCfgPath(repoRoot);
  if (!existsSync(cfgPath)) return { skip: `no Kamailio cfg at ${cfgPath} (set HOTDESK_KAMAILIO_CFG)` };
  const cfgText = readFileSync(cfgPath, 'utf8');
  const code = withoutComments(cfgText);
  const listen = /^\s*listen\s*=\s*tcp:([0-9.]+):(\d+)/m.exec(code);
  if (!listen) return { skip: `${cfgPath} has no listen=tcp:<ip>:<port> line` };
  if (listen[1] !== '127.0.0.1') return { skip: `${cfgPath} listens on ${listen[1]}, not 127.0.0.1: load goes to loopback only` };
  const mpath = /^\s*mpath\s*=\s*"([^"]+)"/m.exec(code)?.[1];
  if (mpath && !existsSync(path.join(mpath, 'websocket.so'))) {
    return { skip: `${path.join(mpath, 'websocket.so')} is missing (apt-get install -y kamailio-websocket-modules)` };
  }
  const authenticatesRegister =
    /loadmodule\s+"auth(_db|_file)?\.so"/.test(code) && /\b(www_authorize|www_authenticate|pv_www_authenticate|auth_check|auth_challenge)\s*\(/.test(code);
  return { binary, cfgPath, cfgText, port: Number(listen[2]), authenticatesRegister };
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Runs Kamailio in the foreground on a copy of the cfg whose ctl socket lives in a fresh temp dir
 * (`kamailio -f kamailio.cfg -DD -E -m 64 -M 8 -Y <rundir>`). `quiet` lowers `debug=` to 1 so the cfg's per-request
 * INFO xlog line is not written (the PBX writes no per-request log either).
 */
export async function startKamailio(plan: KamailioPlan, options: { quiet: boolean }): Promise<KamailioProcess> {
  if (await portAnswers(plan.port)) throw new Error(`127.0.0.1:${plan.port} is already in use (another Kamailio?)`);
  const dir = mkdtempSync(path.join(tmpdir(), 'hotdesk-bench-kamailio-'));
  const runDir = path.join(dir, 'run');
  mkdirSync(runDir);
  let cfg = plan.cfgText.replace(/(modparam\("ctl",\s*"binrpc",\s*")unix:[^"]*(")/, `$1unix:${path.join(runDir, 'kamailio_ctl')}$2`);
  if (options.quiet) cfg = cfg.replace(/^debug\s*=\s*\d+/m, 'debug=1');
  const cfgFile = path.join(dir, 'kamailio.cfg');
  writeFileSync(cfgFile, cfg);
  const child: ChildProcess = spawn(plan.binary, ['-f', cfgFile, '-DD', '-E', '-m', '64', '-M', '8', '-Y', runDir], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  const deadline = Date.now() + 15_000;
  while (!(await portAnswers(plan.port))) {
    if (exited || Date.now() > deadline) {
      child.kill('SIGKILL');
      cleanup();
      throw new Error(`Kamailio did not start listening on 127.0.0.1:${plan.port}:\n${tail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const pid = child.pid as number;
  return {
    pid,
    wsUrl: `ws://127.0.0.1:${plan.port}/`,
    pids: () => processTree(pid),
    outputTail: () => tail,
    async stop() {
      if (!exited) {
        const workers = processTree(pid);
        child.kill('SIGTERM');
        const timer = setTimeout(() => {
          for (const worker of workers) {
            try {
              process.kill(worker, 'SIGKILL');
            } catch {
              // already gone
            }
          }
        }, 5_000);
        await exit;
        clearTimeout(timer);
      }
      cleanup();
    },
  };
}
