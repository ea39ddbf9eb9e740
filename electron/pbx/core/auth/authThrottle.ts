import { backoffDelay } from '../../../../shared/util/backoff';

export interface AuthThrottleOptions {
  /** Failed attempts of one key within `windowMs` that lock it out. */
  maxFailures?: number;
  windowMs?: number;
  /** The longest lockout; each lockout of a key doubles the previous one up to this. */
  maxLockMs?: number;
  /** Keys remembered at most (a bound on memory whatever names a guesser makes up). */
  maxKeys?: number;
}

/** One attempt, counted as failed from the moment it starts until it is settled. */
export interface CountedAttempt {
  /** The credentials were wrong: the attempt stays counted and may lock the key out. */
  failed(): void;
  /** Not a failure (right credentials, or none to check): the attempt is taken back. */
  forgiven(): void;
}

interface Entry {
  failures: number[];
  pending: number;
  strikes: number;
  lockedUntil: number;
  lastFailure: number;
}

const DEFAULTS = { maxFailures: 10, windowMs: 60_000, maxLockMs: 3_600_000, maxKeys: 20_000 };

/**
 * Throttles failed authentication per key — the SIP registrar and proxy use (source address, user), so one user's
 * mistakes do not lock out the others behind the same address. An attempt is counted before its credentials are
 * checked and taken back if they were right, so guesses sent in parallel are limited exactly like serial ones.
 * `maxFailures` failures within `windowMs` lock the key for `windowMs`, then twice as long each time (up to
 * `maxLockMs`); a key that stays quiet for `maxLockMs` starts over.
 */
export class AuthThrottle {
  private readonly entries = new Map<string, Entry>();
  private readonly options: Required<AuthThrottleOptions>;

  constructor(
    private readonly now: () => number,
    options: AuthThrottleOptions = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** Milliseconds until `source`/`user` may try again; 0 when it may now. */
  retryAfterMs(source: string, user: string): number {
    const entry = this.entries.get(key(source, user));
    return entry ? Math.max(0, entry.lockedUntil - this.now()) : 0;
  }

  /** Starts an attempt; null when the key is locked out or as many attempts as it may fail are already under way. */
  begin(source: string, user: string): CountedAttempt | null {
    const entry = this.entryFor(key(source, user));
    const now = this.now();
    if (entry.lockedUntil > now) return null;
    entry.failures = entry.failures.filter((at) => at > now - this.options.windowMs);
    if (entry.failures.length + entry.pending >= this.options.maxFailures) return null;
    entry.pending += 1;
    let settled = false;
    const settle = (failed: boolean) => {
      if (settled) return;
      settled = true;
      entry.pending -= 1;
      if (failed) this.recordFailure(entry);
    };
    return { failed: () => settle(true), forgiven: () => settle(false) };
  }

  private recordFailure(entry: Entry): void {
    const now = this.now();
    if (now - entry.lastFailure > this.options.maxLockMs) entry.strikes = 0;
    entry.lastFailure = now;
    entry.failures = [...entry.failures.filter((at) => at > now - this.options.windowMs), now];
    if (entry.failures.length < this.options.maxFailures) return;
    entry.lockedUntil = now + backoffDelay(entry.strikes, { initialMs: this.options.windowMs, maxMs: this.options.maxLockMs });
    entry.strikes += 1;
    entry.failures = [];
  }

  private entryFor(id: string): Entry {
    let entry = this.entries.get(id);
    if (!entry) {
      if (this.entries.size >= this.options.maxKeys) this.forgetIdle();
      entry = { failures: [], pending: 0, strikes: 0, lockedUntil: 0, lastFailure: 0 };
      this.entries.set(id, entry);
    }
    return entry;
  }

  /** Drops keys with nothing to remember; if all have something, the oldest not locked out. */
  private forgetIdle(): void {
    const now = this.now();
    const idle = (entry: Entry) => entry.pending === 0 && entry.lockedUntil <= now && now - entry.lastFailure > this.options.maxLockMs;
    for (const [id, entry] of this.entries) if (idle(entry)) this.entries.delete(id);
    for (const [id, entry] of this.entries) {
      if (this.entries.size < this.options.maxKeys) return;
      if (entry.pending === 0 && entry.lockedUntil <= now) this.entries.delete(id);
    }
  }
}

function key(source: string, user: string): string {
  return `${source}\u0000${user.slice(0, 128)}`;
}
