import { renameSync } from 'node:fs';
import { copyFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { makePrivate, syncDirectory, syncDirectorySync } from './atomicFile';

/**
 * Where an unreadable file is moved: `<file>.broken-<time>`, the time in ISO 8601 with `:` and `.` as `-` so that the
 * name is valid on every file system (`settings.json.broken-2025-03-01T09-00-00-000Z`, as the README documents).
 */
export function brokenFilePath(file: string, now: Date): string {
  return `${file}.broken-${now.toISOString().replace(/[:.]/g, '-')}`;
}

/** Moves an unreadable file aside (never deletes it), so that it can be inspected or restored; returns the new path. */
export async function moveAside(file: string, now: Date): Promise<string> {
  const movedTo = brokenFilePath(file, now);
  await rename(file, movedTo);
  await syncDirectory(path.dirname(file));
  return movedTo;
}

/** Copies a file that is about to be repaired to its broken-file name, as found (0600); returns the copy's path. */
export async function copyAside(file: string, now: Date): Promise<string> {
  const copy = brokenFilePath(file, now);
  await copyFile(file, copy);
  await makePrivate(copy);
  await syncDirectory(path.dirname(file));
  return copy;
}

/** moveAside for code that must finish before it goes on (a settings file checked before its store opens it). */
export function moveAsideSync(file: string, now: Date): string {
  const movedTo = brokenFilePath(file, now);
  renameSync(file, movedTo);
  syncDirectorySync(path.dirname(file));
  return movedTo;
}
