import { rename } from 'node:fs/promises';
import { syncDirectory } from './atomicFile';
import path from 'node:path';

/**
 * Moves an unreadable file aside as `<file>.corrupt-<timestamp>` (never deletes it), so an administrator can inspect
 * or restore it; returns the new path.
 */
export async function moveAside(file: string, now: Date): Promise<string> {
  const movedTo = `${file}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
  await rename(file, movedTo);
  await syncDirectory(path.dirname(file));
  return movedTo;
}
