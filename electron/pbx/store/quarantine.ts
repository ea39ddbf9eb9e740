import { copyFile, rename } from 'node:fs/promises';
import { makePrivate, syncDirectory } from './atomicFile';
import path from 'node:path';

/**
 * Moves an unreadable file aside as `<file>.corrupt-<timestamp>` (never deletes it), so an administrator can inspect
 * or restore it; returns the new path.
 */
export async function moveAside(file: string, now: Date): Promise<string> {
  const movedTo = asideName(file, now);
  await rename(file, movedTo);
  await syncDirectory(path.dirname(file));
  return movedTo;
}

/** Copies a file that is about to be repaired to `<file>.corrupt-<timestamp>`, as found; returns the copy's path. */
export async function copyAside(file: string, now: Date): Promise<string> {
  const copy = asideName(file, now);
  await copyFile(file, copy);
  await makePrivate(copy);
  await syncDirectory(path.dirname(file));
  return copy;
}

function asideName(file: string, now: Date): string {
  return `${file}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
}
