import { open, readFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { copyAside, moveAside, PRIVATE_FILE_MODE, removeStaleTempFiles, syncDirectory, writeFileAtomic } from '../../common';
import { BatchingJournal, type Journal, type JournalSpec } from './journal';
import { encodeLine, scanJournal } from './journalFormat';
import { StoreCorruptError, StoreVersionError } from './storeErrors';
import type { OpenState } from './fileDocument';

export interface OpenedJournal<T> {
  journal: Journal<T>;
  state: OpenState;
  warning: string | null;
}

/** A journal file as read, before anything on disk was changed: `open()` repairs what it must and opens it. */
export interface PendingJournal<T> {
  readonly state: OpenState;
  open(): Promise<OpenedJournal<T>>;
}

interface Header {
  kind: string;
  version: number;
}

type ReadResult<T> =
  | { kind: 'absent' }
  | { kind: 'corrupt'; problem: string }
  | { kind: 'ok'; records: T[]; fromVersion: number; content: Buffer; torn: { validBytes: number } | null; damaged: string[] };

/**
 * Reads an append-only journal file — a header line, then one checksummed record per line — changing nothing on
 * disk; a journal from a newer PBX is refused here with StoreVersionError. `open()` then: cuts off a torn last write
 * (a crash mid-append, never acknowledged) silently; drops a damaged line or a record that breaks the schema — that
 * record alone, with a warning, keeping a copy of the file as found; moves aside a file whose header is gone and
 * starts a new one; migrates older record versions (the original kept as `<file>.v<N>.bak`).
 */
export async function readFileJournal<T>(file: string, spec: JournalSpec<T>, now: () => Date): Promise<PendingJournal<T>> {
  const read = await readRecords(file, spec);
  const header: Header = { kind: spec.kind, version: spec.version };
  const rewrite = (records: readonly T[]) => writeFileAtomic(file, [header, ...records].map(encodeLine).join(''));
  const pending = (state: OpenState, prepare: () => Promise<{ records: T[]; warning: string | null }>): PendingJournal<T> => ({
    state,
    async open() {
      await removeStaleTempFiles(file);
      const { records, warning } = await prepare();
      return { journal: await appendTo(file, spec, records, rewrite), state, warning };
    },
  });
  if (read.kind === 'absent') return pending('created', async () => (await rewrite([]), { records: [], warning: null }));
  if (read.kind === 'corrupt') {
    return pending('recovered', async () => {
      const movedTo = await moveAside(file, now());
      await rewrite([]);
      return { records: [], warning: new StoreCorruptError(file, read.problem, movedTo).message };
    });
  }
  const { records, fromVersion, content, torn, damaged } = read;
  if (damaged.length > 0) {
    return pending('recovered', async () => {
      const copy = await copyAside(file, now());
      await rewrite(records);
      return { records, warning: `${file}: ${damaged.join('; ')} — skipped; the other ${records.length} records were kept (the file as found is kept as ${copy})` };
    });
  }
  if (fromVersion !== spec.version) {
    return pending('migrated', async () => {
      await writeFileAtomic(`${file}.v${fromVersion}.bak`, content);
      await rewrite(records);
      return { records, warning: null };
    });
  }
  return pending('opened', async () => {
    if (torn) await cutTornTail(file, torn.validBytes);
    return { records, warning: null };
  });
}

/** readFileJournal, then open(). */
export async function openFileJournal<T>(file: string, spec: JournalSpec<T>, now: () => Date): Promise<OpenedJournal<T>> {
  return (await readFileJournal(file, spec, now)).open();
}

async function appendTo<T>(file: string, spec: JournalSpec<T>, records: T[], rewrite: (records: readonly T[]) => Promise<void>): Promise<Journal<T>> {
  let handle: FileHandle = await open(file, 'a', PRIVATE_FILE_MODE);
  let size = (await handle.stat()).size;
  return new BatchingJournal(path.basename(file), spec, records, {
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
      handle = await open(file, 'a', PRIVATE_FILE_MODE);
      size = (await handle.stat()).size;
    },
    close: () => handle.close(),
  });
}

async function readRecords<T>(file: string, spec: JournalSpec<T>): Promise<ReadResult<T>> {
  const content = await readContent(file);
  if (content === null) return { kind: 'absent' };
  const scanned = scanJournal(content);
  const header = scanned.values[0] as Partial<Header> | undefined;
  if (scanned.lines[0] !== 1 || !header || header.kind !== spec.kind || !Number.isInteger(header.version)) {
    return { kind: 'corrupt', problem: 'missing or foreign header' };
  }
  const fromVersion = header.version as number;
  if (fromVersion > spec.version) throw new StoreVersionError(file, fromVersion, spec.version);
  const damaged = scanned.damagedLines.map((line) => `damaged record at line ${line}`);
  const records: T[] = [];
  for (const [index, raw] of scanned.values.slice(1).entries()) {
    const line = scanned.lines[index + 1] as number;
    const checked = upgradeRecord(spec, raw, fromVersion);
    if (checked.ok) records.push(checked.record);
    else damaged.push(`record at line ${line} ${checked.problem}`);
  }
  const torn = scanned.torn ? { validBytes: scanned.validBytes } : null;
  return { kind: 'ok', records, fromVersion, content, torn, damaged };
}

function upgradeRecord<T>(spec: JournalSpec<T>, raw: unknown, fromVersion: number): { ok: true; record: T } | { ok: false; problem: string } {
  let value = raw;
  for (let version = fromVersion; version < spec.version; version += 1) {
    const migration = spec.migrations[version];
    if (!migration) return { ok: false, problem: `has no migration from version ${version}` };
    value = migration(value);
  }
  const checked = spec.schema.safeParse(value);
  return checked.success ? { ok: true, record: checked.data } : { ok: false, problem: `breaks the schema (${checked.error.issues[0]?.message})` };
}

async function readContent(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new StoreCorruptError(file, `cannot be read: ${(error as Error).message}`, null);
  }
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
