import { copyFile, readFile } from 'node:fs/promises';
import { removeStaleTempFiles, syncDirectory, writeFileAtomic } from './atomicFile';
import { CommittingDocumentStore, type DocumentStore } from './documentStore';
import { upgrade, wrap, type DocumentSpec, type MigrationContext } from './migrations';
import { moveAside } from './quarantine';
import { StoreCorruptError, StoreVersionError } from './storeErrors';
import path from 'node:path';

/** How a document was found: absent (`created`), fine, upgraded from an older schema, or unreadable and moved aside. */
export type OpenState = 'created' | 'opened' | 'migrated' | 'recovered';

export interface OpenedDocument<T> {
  store: DocumentStore<T>;
  state: OpenState;
  /** Set when the file was unreadable: what happened and where the old file went. */
  warning: string | null;
}

/**
 * Opens one JSON document file under the store's atomic-write rules. An unreadable or invalid file is moved aside
 * (never replaced in place) and reported in `warning`; a file from a newer PBX is refused with StoreVersionError;
 * an older schema is migrated, the original kept as `<file>.v<N>.bak`, and the upgraded file written at once.
 */
export async function openFileDocument<T>(file: string, spec: DocumentSpec<T>, context: MigrationContext): Promise<OpenedDocument<T>> {
  await removeStaleTempFiles(file);
  const persist = (state: T) => writeFileAtomic(file, `${JSON.stringify(wrap(spec, state), null, 2)}\n`);
  const open = (initial: T, state: OpenState, warning: string | null = null): OpenedDocument<T> => ({
    store: new CommittingDocumentStore({ name: path.basename(file), schema: spec.schema, initial, persist }),
    state,
    warning,
  });

  const text = await readText(file);
  if (text === null) return open(spec.initial(), 'created');
  const parsed = parseJson(text);
  const upgraded = parsed.ok ? upgrade(spec, parsed.value, context) : parsed;
  if ('newerVersion' in upgraded) throw new StoreVersionError(file, upgraded.newerVersion, spec.version);
  if (!upgraded.ok) {
    const movedTo = await moveAside(file, context.now());
    return open(spec.initial(), 'recovered', new StoreCorruptError(file, upgraded.problem, movedTo).message);
  }
  if (upgraded.fromVersion === spec.version) return open(upgraded.data, 'opened');
  await copyFile(file, `${file}.v${upgraded.fromVersion}.bak`);
  await syncDirectory(path.dirname(file));
  await persist(upgraded.data);
  return open(upgraded.data, 'migrated');
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
