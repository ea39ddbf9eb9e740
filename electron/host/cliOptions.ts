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
  /** DNS names of this machine clients may use (the Host header), besides the addresses it listens on. */
  serverNames: string[];
  /** Device pages and the bridge for other machines too (README, "Security model"). */
  allowRemoteDevices: boolean;
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
  const serverNames = (flags.get('server-name') ?? env.HOTDESK_SERVER_NAMES ?? '').split(',').map((name) => name.trim()).filter(Boolean);
  const badName = serverNames.find((name) => !/^[A-Za-z0-9.-]{1,253}$/.test(name));
  if (badName !== undefined) throw new CliError(`--server-name takes host names separated by commas, got "${badName}"`);
  const allowRemoteDevices = flags.has('allow-remote-devices') || isTrue(env.HOTDESK_ALLOW_REMOTE_DEVICES);
  return { port, dataDir, mode, host, tls: cert && key ? { cert, key } : null, serverNames, allowRemoteDevices };
}

/** The flags that take a value, and those that stand alone. */
export const VALUE_FLAGS: readonly string[] = ['port', 'data-dir', 'mode', 'host', 'tls-cert', 'tls-key', 'server-name'];
export const SWITCH_FLAGS: readonly string[] = ['allow-remote-devices'];

function readFlags(argv: readonly string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    const name = match?.[1] ?? '';
    if (match && SWITCH_FLAGS.includes(name) && match[2] === undefined) {
      flags.set(name, 'true');
      continue;
    }
    if (!match || !VALUE_FLAGS.includes(name)) {
      const known = [...VALUE_FLAGS, ...SWITCH_FLAGS].map((flag) => `--${flag}`).join(', ');
      throw new CliError(`Unknown option "${arg}" (known: ${known})`);
    }
    const value = match[2] ?? argv[++i];
    if (value === undefined) throw new CliError(`--${name} needs a value`);
    flags.set(name, value);
  }
  return flags;
}

function isTrue(value: string | undefined): boolean {
  return value !== undefined && ['1', 'true', 'yes'].includes(value.toLowerCase());
}

function defaultDataDir(env: NodeJS.ProcessEnv): string {
  return path.join(env.XDG_DATA_HOME ?? path.join(env.HOME ?? homedir(), '.local', 'share'), 'hotdesk');
}
