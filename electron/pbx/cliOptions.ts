import { homedir } from 'node:os';
import path from 'node:path';

export type PbxMode = 'demo' | 'site';

export interface PbxCliOptions {
  port: number;
  host: string;
  mode: PbxMode;
  dataDir: string;
  tls: { cert: string; key: string } | null;
  /** Host names of pages that may open `/sip` besides this host's (see PbxOptions.originHosts). */
  originHosts: string[];
}

export class PbxCliError extends Error {}

const KNOWN = ['port', 'host', 'mode', 'data-dir', 'tls-cert', 'tls-key', 'origin-host'];

/**
 * Flags: --port (5180), --host (127.0.0.1), --mode demo|site, --data-dir, --tls-cert and --tls-key for WSS,
 * --origin-host name[,name…] (or HOTDESK_PBX_ORIGIN_HOSTS) for browser pages served elsewhere that use this PBX.
 */
export function parsePbxCliOptions(argv: readonly string[], env: NodeJS.ProcessEnv): PbxCliOptions {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i] ?? '');
    const name = match?.[1] ?? '';
    if (!match || !KNOWN.includes(name)) throw new PbxCliError(`Unknown option "${argv[i]}" (known: ${KNOWN.map((k) => `--${k}`).join(', ')})`);
    const value = match[2] ?? argv[++i];
    if (value === undefined) throw new PbxCliError(`--${name} needs a value`);
    flags.set(name, value);
  }
  const portText = flags.get('port') ?? env.HOTDESK_PBX_PORT ?? '5180';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new PbxCliError(`--port must be a TCP port (0-65535), got "${portText}"`);
  const mode = flags.get('mode') ?? 'demo';
  if (mode !== 'demo' && mode !== 'site') throw new PbxCliError(`--mode must be demo or site, got "${mode}"`);
  const host = flags.get('host') ?? '127.0.0.1';
  if (mode === 'demo' && !['127.0.0.1', 'localhost', '::1'].includes(host)) {
    throw new PbxCliError('Demo mode has public demo passwords and listens on loopback only; use --mode site for a LAN address');
  }
  const cert = flags.get('tls-cert');
  const key = flags.get('tls-key');
  if ((cert === undefined) !== (key === undefined)) throw new PbxCliError('--tls-cert and --tls-key go together');
  const dataDir = path.resolve(flags.get('data-dir') ?? env.HOTDESK_DATA_DIR ?? path.join(env.HOME ?? homedir(), '.local', 'share', 'hotdesk'));
  const originHosts = (flags.get('origin-host') ?? env.HOTDESK_PBX_ORIGIN_HOSTS ?? '').split(',').map((name) => name.trim()).filter(Boolean);
  const badHost = originHosts.find((name) => !/^[A-Za-z0-9.:[\]-]{1,253}$/.test(name));
  if (badHost !== undefined) throw new PbxCliError(`--origin-host takes host names separated by commas, got "${badHost}"`);
  return { port, host, mode, dataDir, tls: cert && key ? { cert, key } : null, originHosts };
}
