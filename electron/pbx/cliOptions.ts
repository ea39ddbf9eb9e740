import type { z } from 'zod';
import { modeSchema } from '../../shared/contracts';
import { CliError, listenRefusal, parseHostNames, parseMode, parsePort, parseTls, readFlags, resolveDataDir } from '../common';

export { CliError as PbxCliError };

/** The PBX on its own runs a demo or a site; `external` (another PBX) is a device host's mode only. */
const pbxModeSchema = modeSchema.exclude(['external']);
export type PbxMode = z.infer<typeof pbxModeSchema>;

export interface PbxCliOptions {
  port: number;
  host: string;
  mode: PbxMode;
  dataDir: string;
  tls: { cert: string; key: string } | null;
  /** Host names of pages that may open `/sip` besides this host's (see PbxOptions.originHosts). */
  originHosts: string[];
}

const PBX_FLAGS = ['port', 'host', 'mode', 'data-dir', 'tls-cert', 'tls-key', 'origin-host'] as const;

/**
 * Flags: --port (5180), --host (127.0.0.1), --mode demo|site, --data-dir, --tls-cert and --tls-key for WSS,
 * --origin-host name[,name…] (or HOTDESK_PBX_ORIGIN_HOSTS) for browser pages served elsewhere that use this PBX.
 */
export function parsePbxCliOptions(argv: readonly string[], env: NodeJS.ProcessEnv): PbxCliOptions {
  const flags = readFlags(argv, PBX_FLAGS);
  const port = parsePort(flags.port ?? env.HOTDESK_PBX_PORT ?? '5180');
  const mode = parseMode(flags.mode ?? 'demo', pbxModeSchema);
  const host = flags.host ?? '127.0.0.1';
  const refusal = listenRefusal(mode, host);
  if (refusal) throw new CliError(refusal);
  const tls = parseTls(flags['tls-cert'], flags['tls-key']);
  const originHosts = parseHostNames(flags['origin-host'] ?? env.HOTDESK_PBX_ORIGIN_HOSTS ?? '', 'origin-host', /^[A-Za-z0-9.:[\]-]{1,253}$/);
  return { port, host, mode, dataDir: resolveDataDir(flags['data-dir'], env), tls, originHosts };
}
