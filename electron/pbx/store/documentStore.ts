import type { z } from 'zod';
import { StoreClosedError, StoreWriteError } from './storeErrors';

/** What a change to a document returns: the next state (the same object when nothing changed) and a result. */
export interface Change<T, R> {
  next: T;
  result: R;
}

/**
 * One stored document (all devices, all extensions, …). Readers see the last durably committed state. `update`
 * applies a change function to the newest state — changes run one after another, never interleaved — and resolves
 * once the new state is durable; if the write fails the change is not applied and `update` rejects. A change function
 * that throws rejects its own update only (that is how domain rules refuse a change).
 */
export interface DocumentStore<T> {
  read(): T;
  update<R>(change: (current: T) => Change<T, R>): Promise<R>;
  /** Waits for queued updates, then refuses new ones. */
  close(): Promise<void>;
}

interface Queued<T> {
  change: (current: T) => Change<T, unknown>;
  resolve(result: unknown): void;
  reject(error: unknown): void;
}

export interface CommitterOptions<T> {
  /** Used in error messages. */
  name: string;
  initial: T;
  schema: z.ZodType<T>;
  /** Makes a state durable (a file write, or nothing in memory). */
  persist(state: T): Promise<void>;
}

/**
 * A DocumentStore with group commit: updates queued while a write is in flight are applied in order and saved
 * together by the next write, so a burst costs a few writes, and each update is acknowledged only after the write that
 * carries it is durable. Every new state is checked against the schema before it is written.
 */
export class CommittingDocumentStore<T> implements DocumentStore<T> {
  private committed: T;
  private queue: Array<Queued<T>> = [];
  private flushing: Promise<void> | null = null;
  private closed = false;

  constructor(private readonly options: CommitterOptions<T>) {
    this.committed = options.initial;
  }

  read(): T {
    return this.committed;
  }

  update<R>(change: (current: T) => Change<T, R>): Promise<R> {
    if (this.closed) return Promise.reject(new StoreClosedError(this.options.name));
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ change, resolve: resolve as (result: unknown) => void, reject });
      // Deferred a microtask so `flushing` is set before the flush can finish and clear it.
      this.flushing ??= Promise.resolve().then(() => this.flush());
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    while (this.flushing) await this.flushing;
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0);
      let draft = this.committed;
      const applied: Array<() => void> = [];
      const failedWith: Array<(error: unknown) => void> = [];
      for (const item of batch) {
        try {
          const { next, result } = item.change(draft);
          if (next !== draft) {
            const checked = this.options.schema.safeParse(next);
            if (!checked.success) throw new Error(`${this.options.name}: refusing to save invalid data (${checked.error.issues[0]?.message})`);
          }
          draft = next;
          applied.push(() => item.resolve(result));
          failedWith.push(item.reject);
        } catch (error) {
          item.reject(error);
        }
      }
      if (draft !== this.committed) {
        try {
          await this.options.persist(draft);
        } catch (error) {
          const failure = new StoreWriteError(this.options.name, error);
          for (const reject of failedWith) reject(failure);
          continue;
        }
        this.committed = draft;
      }
      for (const resolve of applied) resolve();
    }
    this.flushing = null;
  }
}

/** An in-memory DocumentStore with the same semantics, for tests and for data that need not survive a restart. */
export function memoryDocumentStore<T>(name: string, schema: z.ZodType<T>, initial: T): DocumentStore<T> {
  return new CommittingDocumentStore({ name, schema, initial, persist: async () => undefined });
}
