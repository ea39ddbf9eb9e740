import { open, readFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { FILE_MODE, removeStaleTempFiles, syncDirectory, writeFileAtomic } from './atomicFile';
import { BatchingJournal, type Journal, type JournalSpec } from './journal';
import { encodeLine, scanJournal } from './journalFormat';
import { moveAside } from './quarantine';
import { StoreCorruptError, StoreVersionError } from './storeErrors';
import type { OpenState } from './fileDocument';

export interface OpenedJournal<T> {
  journal: Journal<T>;
  state: OpenState;
  warning: string | null;
}

interface Header {
  kind: string;
  version: number;
}

/**
 * Opens an append-only journal file: a header line, then one checksummed record per line. A torn last write (a crash
 * mid-append: never acknowledged) is cut off; damage before the last good record, a bad header or records that break
 * the schema mean the file is moved aside and a new journal started, with a warning. Older record versions are
 * migrated and the file rewritten (the original kept as `<file>.v<N>.bak`).
 */
export async function openFileJournal<T>(file: string, spec: JournalSpec<T>, now: () => Date): Promise<OpenedJournal<T>> {
  await removeStaleTempFiles(file);
  const header: Header = { kind: spec.kind, version: spec.version };
  const rewrite = (records: readonly T[]) => writeFileAtomic(file, [header, ...records].map(encodeLine).join(''));
  const content = await readContent(file);
  let state: OpenState = 'opened';
  let warning: string | null = null;
  let records: T[] = [];

  if (content === null) {
    await rewrite([]);
    state = 'created';
  } else {
    const read = await readRecords(file, content, spec);
    if (read.kind === 'corrupt') {
      const movedTo = await moveAside(file, now());
      warning = new StoreCorruptError(file, read.problem, movedTo).message;
      await rewrite([]);
      state = 'recovered';
    } else {
      records = read.records;
      if (read.fromVersion !== spec.version) {
        await writeFileAtomic(`${file}.v${read.fromVersion}.bak`, content);
        await rewrite(records);
        state = 'migrated';
      }
    }
  }

  let handle: FileHandle = await open(file, 'a', FILE_MODE);
  let size = (await handle.stat()).size;
  const journal = new BatchingJournal(path.basename(file), spec, records, {
    async writeBatch(batch) {
      const bytes = Buffer.from(batch.map(encodeLine).join(''), 'utf8');
      try {
        await handle.write(bytes);
        await handle.datasync();
      } catch (error) {
        // Cut a partial append back off so the next append does not follow garbage.
        await handle.truncate(size).catch(() => undefined);
        throw error;
      }
      size += bytes.length;
    },
    async compact(keep) {
      await rewrite(keep);
      await handle.close();
      handle = await open(file, 'a', FILE_MODE);
      size = (await handle.stat()).size;
    },
    close: () => handle.close(),
  });
  return { journal, state, warning };
}

async function readContent(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new StoreCorruptError(file, `cannot be read: ${(error as Error).message}`, null);
  }
}

type ReadResult<T> = { kind: 'ok'; records: T[]; fromVersion: number } | { kind: 'corrupt'; problem: string };

async function readRecords<T>(file: string, content: Buffer, spec: JournalSpec<T>): Promise<ReadResult<T>> {
  const scanned = scanJournal(content);
  if (scanned.corruptAtLine !== null) return { kind: 'corrupt', problem: `damaged record at line ${scanned.corruptAtLine}` };
  const [first, ...rawRecords] = scanned.values;
  const header = first as Partial<Header> | undefined;
  if (!header || header.kind !== spec.kind || !Number.isInteger(header.version)) return { kind: 'corrupt', problem: 'missing or foreign header' };
  const fromVersion = header.version as number;
  if (fromVersion > spec.version) throw new StoreVersionError(file, fromVersion, spec.version);
  if (scanned.torn) await cutTornTail(file, scanned.validBytes);
  const records: T[] = [];
  for (const [index, raw] of rawRecords.entries()) {
    let value = raw;
    for (let version = fromVersion; version < spec.version; version += 1) {
      const migration = spec.migrations[version];
      if (!migration) return { kind: 'corrupt', problem: `no migration from record version ${version}` };
      value = migration(value);
    }
    const checked = spec.schema.safeParse(value);
    if (!checked.success) return { kind: 'corrupt', problem: `record ${index + 1} breaks the schema (${checked.error.issues[0]?.message})` };
    records.push(checked.data);
  }
  return { kind: 'ok', records, fromVersion };
}

/** A crash mid-append leaves an incomplete last line: it was never acknowledged, so cutting it off loses nothing. */
async function cutTornTail(file: string, validBytes: number): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.truncate(validBytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await syncDirectory(path.dirname(file));
}
