import type { z } from 'zod';
import { StoreClosedError, StoreWriteError } from './storeErrors';

/**
 * An append-only list of records (the audit log). `append` resolves once the record is durable; `list` returns what
 * was acknowledged, oldest first. Only the newest `maxRecords` are kept (older ones are compacted away).
 */
export interface Journal<T> {
  list(): readonly T[];
  append(record: T): Promise<void>;
  close(): Promise<void>;
}

export interface JournalSpec<T> {
  readonly kind: string;
  readonly version: number;
  readonly schema: z.ZodType<T>;
  /** `migrations[n]` upgrades one record of version n to n + 1. */
  readonly migrations: Readonly<Record<number, (record: unknown) => unknown>>;
  readonly maxRecords: number;
}

/** Appends made durable by `writeBatch`, batched while a write is in flight (group commit). */
export class BatchingJournal<T> implements Journal<T> {
  private records: T[];
  private queue: Array<{ record: T; resolve(): void; reject(error: unknown): void }> = [];
  private flushing: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly name: string,
    private readonly spec: JournalSpec<T>,
    initial: readonly T[],
    private readonly io: {
      writeBatch(records: readonly T[]): Promise<void>;
      compact(keep: readonly T[]): Promise<void>;
      close(): Promise<void>;
    },
  ) {
    this.records = [...initial];
  }

  list(): readonly T[] {
    return this.records;
  }

  append(record: T): Promise<void> {
    if (this.closed) return Promise.reject(new StoreClosedError(this.name));
    const checked = this.spec.schema.safeParse(record);
    if (!checked.success) return Promise.reject(new Error(`${this.name}: invalid record (${checked.error.issues[0]?.message})`));
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ record: checked.data, resolve, reject });
      this.flushing ??= Promise.resolve().then(() => this.flush());
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    while (this.flushing) await this.flushing;
    await this.io.close();
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0);
      try {
        await this.io.writeBatch(batch.map((item) => item.record));
      } catch (error) {
        const failure = new StoreWriteError(this.name, error);
        for (const item of batch) item.reject(failure);
        continue;
      }
      this.records.push(...batch.map((item) => item.record));
      for (const item of batch) item.resolve();
      if (this.records.length > this.spec.maxRecords * 1.25) await this.compact();
    }
    this.flushing = null;
  }

  private async compact(): Promise<void> {
    const keep = this.records.slice(-this.spec.maxRecords);
    try {
      await this.io.compact(keep);
      this.records = keep;
    } catch (error) {
      // Compaction only saves space; the journal stays correct without it.
      console.warn(`${this.name}: compaction failed, will retry later: ${(error as Error).message}`);
    }
  }
}

export function memoryJournal<T>(spec: JournalSpec<T>, initial: readonly T[] = []): Journal<T> {
  return new BatchingJournal(`${spec.kind} (memory)`, spec, initial, {
    writeBatch: async () => undefined,
    compact: async () => undefined,
    close: async () => undefined,
  });
}
