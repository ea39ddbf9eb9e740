import { homedir } from 'node:os';
import path from 'node:path';
import { modeSchema, type Mode } from '../../shared/contracts';
import { DEFAULT_PORT } from './services';

export interface HostCliOptions {
  port: number;
  dataDir: string;
  mode: Mode | undefined;
  host: string;
  /** PEM files for HTTPS/WSS; the page, the bridge and SIP then all go over TLS. */
  tls: { cert: string; key: string } | null;
}

export class CliError extends Error {}

/** Flags win over environment variables, which win over defaults (PRODUCT.md §11). */
export function parseHostCliOptions(argv: readonly string[], env: NodeJS.ProcessEnv): HostCliOptions {
  const flags = readFlags(argv);
  const portText = flags.get('port') ?? env.HOTDESK_PORT ?? String(DEFAULT_PORT);
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new CliError(`--port must be a TCP port (0-65535), got "${portText}"`);
  const modeText = flags.get('mode') ?? env.HOTDESK_MODE;
  let mode: Mode | undefined;
  if (modeText !== undefined) {
    const parsed = modeSchema.safeParse(modeText);
    if (!parsed.success) throw new CliError(`--mode must be demo, site or external, got "${modeText}"`);
    mode = parsed.data;
  }
  const dataDir = path.resolve(flags.get('data-dir') ?? env.HOTDESK_DATA_DIR ?? defaultDataDir(env));
  const host = flags.get('host') ?? env.HOTDESK_HOST ?? '127.0.0.1';
  const cert = flags.get('tls-cert');
  const key = flags.get('tls-key');
  if ((cert === undefined) !== (key === undefined)) throw new CliError('--tls-cert and --tls-key go together');
  return { port, dataDir, mode, host, tls: cert && key ? { cert, key } : null };
}

function readFlags(argv: readonly string[]): Map<string, string> {
  const known = new Set(['port', 'data-dir', 'mode', 'host', 'tls-cert', 'tls-key']);
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match || !known.has(match[1] ?? '')) throw new CliError(`Unknown option "${arg}" (known: --port, --data-dir, --mode, --host, --tls-cert, --tls-key)`);
    const value = match[2] ?? argv[++i];
    if (value === undefined) throw new CliError(`--${match[1]} needs a value`);
    flags.set(match[1] as string, value);
  }
  return flags;
}

function defaultDataDir(env: NodeJS.ProcessEnv): string {
  return path.join(env.XDG_DATA_HOME ?? path.join(env.HOME ?? homedir(), '.local', 'share'), 'hotdesk');
}
