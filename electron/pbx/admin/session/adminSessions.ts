import { createHash, randomBytes as cryptoRandomBytes } from 'node:crypto';

/** A console session ends after this long without a request (30 minutes). */
export const SESSION_IDLE_MS = 30 * 60_000;
/** Sessions kept at most; a new one beyond this ends the least recently used. */
export const MAX_SESSIONS = 64;

export interface AdminSessionsOptions {
  now(): number;
  idleMs?: number;
  maxSessions?: number;
  randomBytes?: (size: number) => Buffer;
}

export interface AdminSession {
  /** The key the session is kept under (a hash of its id), safe to log and to tag event streams with. */
  readonly key: string;
  readonly user: string;
}

interface Entry {
  user: string;
  lastUsed: number;
}

/**
 * The management console's sign-in sessions. A session id is 32 random bytes that only the browser's HttpOnly cookie
 * holds; the server keeps its SHA-256 alone, so the table never holds anything a client could present. A session
 * ends on sign-out, after `idleMs` without a request, or when a newer one pushes it out.
 */
export class AdminSessions {
  private readonly entries = new Map<string, Entry>();
  private readonly ended = new Set<(key: string) => void>();
  private readonly idleMs: number;

  constructor(private readonly options: AdminSessionsOptions) {
    this.idleMs = options.idleMs ?? SESSION_IDLE_MS;
  }

  get idleTimeoutMs(): number {
    return this.idleMs;
  }

  /** Starts a session for `user`; returns the id for the cookie and the session. */
  create(user: string): { id: string; session: AdminSession } {
    this.sweep();
    while (this.entries.size >= (this.options.maxSessions ?? MAX_SESSIONS)) this.end(this.leastRecentlyUsed());
    const id = (this.options.randomBytes ?? cryptoRandomBytes)(32).toString('base64url');
    const key = keyOf(id);
    this.entries.set(key, { user, lastUsed: this.options.now() });
    return { id, session: { key, user } };
  }

  /** The live session of `id`, its idle timer restarted; null when unknown or expired (then it is ended). */
  use(id: string): AdminSession | null {
    const key = keyOf(id);
    const entry = this.entries.get(key);
    if (!entry) return null;
    const now = this.options.now();
    if (now - entry.lastUsed >= this.idleMs) {
      this.end(key);
      return null;
    }
    entry.lastUsed = now;
    return { key, user: entry.user };
  }

  /** Ends the session kept under `key` (sign-out); its listeners hear of it. */
  end(key: string): void {
    if (!this.entries.delete(key)) return;
    for (const listener of this.ended) listener(key);
  }

  /** Ends every session idle for `idleMs` or longer. */
  sweep(): void {
    const now = this.options.now();
    for (const [key, entry] of [...this.entries]) if (now - entry.lastUsed >= this.idleMs) this.end(key);
  }

  /** Calls `listener` with the key of every session that ends; returns the unsubscribe function. */
  onEnded(listener: (key: string) => void): () => void {
    this.ended.add(listener);
    return () => this.ended.delete(listener);
  }

  private leastRecentlyUsed(): string {
    let oldest: [string, number] = ['', Infinity];
    for (const [key, entry] of this.entries) if (entry.lastUsed < oldest[1]) oldest = [key, entry.lastUsed];
    return oldest[0];
  }
}

function keyOf(id: string): string {
  return createHash('sha256').update(id).digest('base64url');
}
