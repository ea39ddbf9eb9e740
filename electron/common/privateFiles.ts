import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';

/** Files holding a secret (settings, HA1s, PIN hashes, provisioning documents): for their owner's eyes only. */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/**
 * Makes `dir` (and any missing parents) a directory only the host's user can enter. An existing one that others can
 * read is tightened, and the returned warning says so: the data directory holds the settings, the PBX's HA1s and
 * provisioning documents. Windows has no POSIX modes; there the user profile's ACLs are what protect it.
 */
export function ensurePrivateDirectory(dir: string, label = 'data directory'): string | null {
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
    return null;
  }
  if (process.platform === 'win32') return null;
  const mode = statSync(dir).mode & 0o777;
  if ((mode & 0o077) === 0) return null;
  chmodSync(dir, PRIVATE_DIR_MODE);
  return `The ${label} ${dir} was open to other users (mode ${mode.toString(8)}); it is now 700.`;
}

/**
 * Takes group and other permissions off an existing file (one written before files were kept private); true when it
 * had to.
 */
export function makeFilePrivate(file: string): boolean {
  if (process.platform === 'win32' || !existsSync(file)) return false;
  if ((statSync(file).mode & 0o077) === 0) return false;
  chmodSync(file, PRIVATE_FILE_MODE);
  return true;
}
