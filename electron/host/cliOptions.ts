import { modeSchema, sitePbxUrlSchema, type Mode } from '../../shared/contracts';
import { CliError, parseHostNames, parseMode, parsePort, parseTls, readFlags, resolveDataDir } from '../common';
import { DEFAULT_PORT } from './services';

export { CliError };

export interface HostCliOptions {
  port: number;
  dataDir: string;
  mode: Mode | undefined;
  /** The site PBX to join (`--pbx`, `HOTDESK_PBX`): site mode, no PBX of its own; undefined keeps the saved one. */
  sitePbxUrl: string | undefined;
  host: string;
  /** PEM files for HTTPS/WSS; the page, the bridge and SIP then all go over TLS. */
  tls: { cert: string; key: string } | null;
  /** DNS names of this machine clients may use (the Host header), besides the addresses it listens on. */
  serverNames: string[];
  /** Device pages and the bridge for other machines too (README, "Security model"). */
  allowRemoteDevices: boolean;
  /** `npm start` without Electron: open the browser kiosk in a Chromium or Chrome (off with --no-browser). */
  openBrowser: boolean;
}

/** The flags that take a value, and those that stand alone. */
export const VALUE_FLAGS = ['port', 'data-dir', 'mode', 'host', 'tls-cert', 'tls-key', 'server-name', 'pbx'] as const;
export const SWITCH_FLAGS = ['allow-remote-devices', 'no-browser'] as const;

/** Flags win over environment variables, which win over defaults (the README's table). */
export function parseHostCliOptions(argv: readonly string[], env: NodeJS.ProcessEnv): HostCliOptions {
  const flags = readFlags(argv, VALUE_FLAGS, SWITCH_FLAGS);
  const modeText = flags.mode ?? env.HOTDESK_MODE;
  const sitePbxUrl = parseSitePbxUrl(flags.pbx ?? env.HOTDESK_PBX);
  const mode = modeText === undefined ? undefined : parseMode(modeText, modeSchema);
  if (sitePbxUrl !== undefined && mode !== undefined && mode !== 'site') {
    throw new CliError(`--pbx joins a site PBX, which is site mode; it cannot go with --mode ${mode}`);
  }
  return {
    port: parsePort(flags.port ?? env.HOTDESK_PORT ?? String(DEFAULT_PORT)),
    dataDir: resolveDataDir(flags['data-dir'], env),
    mode: sitePbxUrl === undefined ? mode : 'site',
    sitePbxUrl,
    host: flags.host ?? env.HOTDESK_HOST ?? '127.0.0.1',
    tls: parseTls(flags['tls-cert'], flags['tls-key']),
    serverNames: parseHostNames(flags['server-name'] ?? env.HOTDESK_SERVER_NAMES ?? '', 'server-name', /^[A-Za-z0-9.-]{1,253}$/),
    allowRemoteDevices: flags['allow-remote-devices'] === true || isTrue(env.HOTDESK_ALLOW_REMOTE_DEVICES),
    openBrowser: flags['no-browser'] !== true && !isTrue(env.HOTDESK_NO_BROWSER),
  };
}

/** `--pbx wss://pbx.example:5443/sip`: the site PBX's SIP WebSocket, checked as the settings check it. */
function parseSitePbxUrl(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const parsed = sitePbxUrlSchema.safeParse(text);
  if (parsed.success) return parsed.data;
  throw new CliError(`--pbx ${parsed.error.issues[0]?.message ?? 'is not valid'}, got "${text.slice(0, 200)}"`);
}

function isTrue(value: string | undefined): boolean {
  return value !== undefined && ['1', 'true', 'yes'].includes(value.toLowerCase());
}
