import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Replaces `file` with `text` so that a crash leaves either the old or the new file, never a torn one: write a
 * temporary file beside it, fsync it, rename it over the target (atomic on POSIX), then fsync the directory.
 */
export async function writeFileAtomic(file: string, text: string, mode = 0o600): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const temporary = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temporary, 'w', mode);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  const directory = await open(dir, 'r').catch(() => null);
  if (directory) {
    await directory.sync().catch(() => undefined); // not every file system can fsync a directory
    await directory.close();
  }
}
