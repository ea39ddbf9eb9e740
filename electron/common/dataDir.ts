import { homedir } from 'node:os';
import path from 'node:path';

/**
 * Where all persistent state lives unless `--data-dir` or HOTDESK_DATA_DIR says otherwise: `$XDG_DATA_HOME/hotdesk`,
 * which is `~/.local/share/hotdesk` when XDG_DATA_HOME is not set (XDG Base Directory Specification).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv): string {
  return path.join(env.XDG_DATA_HOME ?? path.join(env.HOME ?? homedir(), '.local', 'share'), 'hotdesk');
}

/** The data directory a command line asks for: the flag, else HOTDESK_DATA_DIR, else the default; made absolute. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  return path.resolve(flag ?? env.HOTDESK_DATA_DIR ?? defaultDataDir(env));
}
