import { modeSchema, type Mode } from '../../shared/contracts';
import { CliError, parseHostNames, parseMode, parsePort, parseTls, readFlags, resolveDataDir } from '../common';
import { DEFAULT_PORT } from './services';

export { CliError };

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

/** The flags that take a value, and those that stand alone. */
export const VALUE_FLAGS = ['port', 'data-dir', 'mode', 'host', 'tls-cert', 'tls-key', 'server-name'] as const;
export const SWITCH_FLAGS = ['allow-remote-devices'] as const;

/** Flags win over environment variables, which win over defaults (the README's table). */
export function parseHostCliOptions(argv: readonly string[], env: NodeJS.ProcessEnv): HostCliOptions {
  const flags = readFlags(argv, VALUE_FLAGS, SWITCH_FLAGS);
  const modeText = flags.mode ?? env.HOTDESK_MODE;
  return {
    port: parsePort(flags.port ?? env.HOTDESK_PORT ?? String(DEFAULT_PORT)),
    dataDir: resolveDataDir(flags['data-dir'], env),
    mode: modeText === undefined ? undefined : parseMode(modeText, modeSchema),
    host: flags.host ?? env.HOTDESK_HOST ?? '127.0.0.1',
    tls: parseTls(flags['tls-cert'], flags['tls-key']),
    serverNames: parseHostNames(flags['server-name'] ?? env.HOTDESK_SERVER_NAMES ?? '', 'server-name', /^[A-Za-z0-9.-]{1,253}$/),
    allowRemoteDevices: flags['allow-remote-devices'] === true || isTrue(env.HOTDESK_ALLOW_REMOTE_DEVICES),
  };
}

function isTrue(value: string | undefined): boolean {
  return value !== undefined && ['1', 'true', 'yes'].includes(value.toLowerCase());
}
