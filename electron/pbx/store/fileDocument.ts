import { copyFile, readFile } from 'node:fs/promises';
import { makePrivate, moveAside, removeStaleTempFiles, syncDirectory, writeFileAtomic } from '../../common';
import { CommittingDocumentStore, type DocumentStore } from './documentStore';
import { upgrade, wrap, type DocumentSpec, type MigrationContext } from './migrations';
import { StoreCorruptError, StoreVersionError } from './storeErrors';
import path from 'node:path';

/** How a document was found: absent (`created`), fine, upgraded from an older schema, or unreadable and moved aside. */
export type OpenState = 'created' | 'opened' | 'migrated' | 'recovered';

export interface OpenedDocument<T> {
  store: DocumentStore<T>;
  state: OpenState;
  /** Set when the file had to be moved aside or upgraded: what happened and where the old file went. */
  warning: string | null;
}

/** A document file as read, before anything on disk was changed: `open()` does what its state calls for. */
export interface PendingDocument<T> {
  readonly state: OpenState;
  open(): Promise<OpenedDocument<T>>;
}

/**
 * Reads one JSON document file under the store's atomic-write rules, changing nothing on disk: a file from a newer
 * PBX is refused here with StoreVersionError, so a start that cannot run leaves every file as it was. `open()` then
 * moves an unreadable or invalid file aside (never replaced in place), or migrates an older schema (the original kept
 * as `<file>.v<N>.bak`, the upgraded file written at once), and says so in `warning`.
 */
export async function readFileDocument<T>(file: string, spec: DocumentSpec<T>, context: MigrationContext): Promise<PendingDocument<T>> {
  const persist = (state: T) => writeFileAtomic(file, `${JSON.stringify(wrap(spec, state), null, 2)}\n`);
  const pending = (state: OpenState, prepare: () => Promise<{ data: T; warning: string | null }>): PendingDocument<T> => ({
    state,
    async open() {
      await removeStaleTempFiles(file);
      const { data, warning } = await prepare();
      return { store: new CommittingDocumentStore({ name: path.basename(file), schema: spec.schema, initial: data, persist }), state, warning };
    },
  });

  const text = await readText(file);
  if (text === null) return pending('created', async () => ({ data: spec.initial(), warning: null }));
  const parsed = parseJson(text);
  const upgraded = parsed.ok ? upgrade(spec, parsed.value, context) : parsed;
  if ('newerVersion' in upgraded) throw new StoreVersionError(file, upgraded.newerVersion, spec.version);
  if (!upgraded.ok) {
    return pending('recovered', async () => {
      const movedTo = await moveAside(file, context.now());
      return { data: spec.initial(), warning: new StoreCorruptError(file, upgraded.problem, movedTo).message };
    });
  }
  const { data, fromVersion } = upgraded;
  if (fromVersion === spec.version) return pending('opened', async () => ({ data, warning: null }));
  return pending('migrated', async () => {
    const backup = `${file}.v${fromVersion}.bak`;
    await copyFile(file, backup);
    await makePrivate(backup);
    await syncDirectory(path.dirname(file));
    await persist(data);
    return { data, warning: `${file} was upgraded from schema version ${fromVersion} to ${spec.version}; the original is kept as ${backup}` };
  });
}

/** readFileDocument, then open(). */
export async function openFileDocument<T>(file: string, spec: DocumentSpec<T>, context: MigrationContext): Promise<OpenedDocument<T>> {
  return (await readFileDocument(file, spec, context)).open();
}

async function readText(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new StoreCorruptError(file, `cannot be read: ${(error as Error).message}`, null);
  }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; problem: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, problem: `not valid JSON: ${(error as Error).message}` };
  }
}
