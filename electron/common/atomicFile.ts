import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { chmod, mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from './privateFiles';

const TEMP_SUFFIX = '.tmp';
/** What fsync of a directory fails with where the file system cannot do it (it then orders its metadata itself). */
const CANNOT_SYNC_DIRECTORIES = new Set(['EINVAL', 'ENOTSUP', 'ENOSYS']);

/**
 * Replaces `target` with `data` so that a crash at any point leaves either the old or the new content, never a mix:
 * write a temp file beside it, fsync it, rename it over the target (atomic on POSIX and NTFS), fsync the directory so
 * the rename itself is durable. When this resolves the new content survives kill -9 and power loss.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(target);
  const temp = tempPathFor(target);
  const handle = await open(temp, 'wx', PRIVATE_FILE_MODE);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dir);
}

/** writeFileAtomic for code that must finish before it goes on (a secret read back at once, at start-up). */
export function writeFileAtomicSync(target: string, data: string | Uint8Array): void {
  const temp = tempPathFor(target);
  const fd = openSync(temp, 'wx', PRIVATE_FILE_MODE);
  try {
    writeFileSync(fd, data);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncDirectorySync(path.dirname(target));
}

function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
}

/**
 * Makes a directory's entries (a rename, a new file) durable. Windows cannot open directories (NTFS journals them);
 * a file system that cannot fsync a directory says so with one of CANNOT_SYNC_DIRECTORIES, which is not an error.
 */
export async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch (error) {
    rethrowUnlessUnsupported(error);
  } finally {
    await handle.close();
  }
}

/** syncDirectory for the synchronous writers. */
export function syncDirectorySync(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } catch (error) {
    rethrowUnlessUnsupported(error);
  } finally {
    closeSync(fd);
  }
}

function rethrowUnlessUnsupported(error: unknown): void {
  if (!CANNOT_SYNC_DIRECTORIES.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
}

/** Creates `dir` (and its parents) readable by its owner only, if it does not exist yet. */
export async function ensureDirectory(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/**
 * Makes a file readable by the PBX's user only (0600), or a directory and every file in it (0700 / 0600): files
 * written by an older version, copied or restored by hand keep whatever mode they had. A no-op on Windows.
 */
export async function makePrivate(target: string): Promise<void> {
  if (process.platform === 'win32') return;
  const info = await stat(target);
  if (!info.isDirectory()) {
    if ((info.mode & 0o777) !== PRIVATE_FILE_MODE) await chmod(target, PRIVATE_FILE_MODE);
    return;
  }
  if ((info.mode & 0o777) !== PRIVATE_DIR_MODE) await chmod(target, PRIVATE_DIR_MODE);
  for (const entry of await readdir(target, { withFileTypes: true })) if (entry.isFile()) await makePrivate(path.join(target, entry.name));
}

/** Deletes temp files a crash left behind beside `target` (they were never acknowledged, so nothing is lost). */
export async function removeStaleTempFiles(target: string): Promise<void> {
  const dir = path.dirname(target);
  const prefix = `.${path.basename(target)}.`;
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names.filter((name) => name.startsWith(prefix) && name.endsWith(TEMP_SUFFIX)).map((name) => unlink(path.join(dir, name)).catch(() => undefined)),
  );
}
