import type { z } from 'zod';

/** What a migration may need to fill in fields an older version did not have. */
export interface MigrationContext {
  now(): Date;
  randomBytes(size: number): Buffer;
  /** Fresh SIP credentials for `user`: a random password of which only the HA1 (and its realm) is returned. */
  newSipSecret(user: string): { ha1: string; realm: string };
}

/** Turns data of version N into data of version N + 1. */
export type Migration = (data: unknown, context: MigrationContext) => unknown;

/**
 * One kind of stored document: its name in the file's envelope, the current schema version, the schema of that
 * version, and the migration chain (`migrations[n]` upgrades version n to n + 1). Version 0 is data written before
 * documents had an envelope: the whole file is the data.
 */
export interface DocumentSpec<T> {
  readonly kind: string;
  readonly version: number;
  readonly schema: z.ZodType<T>;
  readonly migrations: Readonly<Record<number, Migration>>;
  initial(): T;
}

/** The on-disk form: `{ "kind": "hotdesk.devices", "version": 1, "data": … }`. */
export interface Envelope {
  kind: string;
  version: number;
  data: unknown;
}

export type Upgrade<T> =
  | { ok: true; data: T; fromVersion: number }
  | { ok: false; problem: string }
  | { ok: false; newerVersion: number };

export function wrap<T>(spec: DocumentSpec<T>, data: T): Envelope {
  return { kind: spec.kind, version: spec.version, data };
}

/** Reads a parsed file: unwraps its envelope, runs the migration chain up to the current version, validates. */
export function upgrade<T>(spec: DocumentSpec<T>, parsed: unknown, context: MigrationContext): Upgrade<T> {
  const envelope = asEnvelope(parsed);
  if (envelope !== null && envelope.kind !== spec.kind) return { ok: false, problem: `it holds "${envelope.kind}", not "${spec.kind}"` };
  const fromVersion = envelope?.version ?? 0;
  if (fromVersion > spec.version) return { ok: false, newerVersion: fromVersion };
  let data = envelope === null ? parsed : envelope.data;
  for (let version = fromVersion; version < spec.version; version += 1) {
    const migration = spec.migrations[version];
    if (!migration) return { ok: false, problem: `no migration from schema version ${version}` };
    try {
      data = migration(data, context);
    } catch (error) {
      return { ok: false, problem: `migration from version ${version} failed: ${(error as Error).message}` };
    }
  }
  const checked = spec.schema.safeParse(data);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return { ok: false, problem: `invalid data (${where}${issue?.message ?? 'schema mismatch'})` };
  }
  return { ok: true, data: checked.data, fromVersion };
}

function asEnvelope(value: unknown): Envelope | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  if (typeof record.kind !== 'string' || !Number.isInteger(record.version) || !('data' in record)) return null;
  return { kind: record.kind, version: record.version as number, data: record.data };
}
