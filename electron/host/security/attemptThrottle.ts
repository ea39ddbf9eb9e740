import { Backoff } from '../../../shared/util/backoff';

export interface ThrottleOptions {
  /** Wrong guesses in a row before a lockout. */
  maxFailures: number;
  /** The first lockout; each further one doubles, up to `maxLockMs`. */
  lockMs: number;
  maxLockMs: number;
  now?: () => number;
}

export const ADMIN_PIN_THROTTLE: ThrottleOptions = { maxFailures: 5, lockMs: 30_000, maxLockMs: 15 * 60_000 };

/** Slows down a guesser: after `maxFailures` wrong answers in a row nothing is checked until the lockout ends. */
export class AttemptThrottle {
  private failures = 0;
  private lockedUntil = 0;
  private readonly lockouts: Backoff;
  private readonly now: () => number;

  constructor(private readonly options: ThrottleOptions) {
    this.now = options.now ?? Date.now;
    this.lockouts = new Backoff({ initialMs: options.lockMs, maxMs: options.maxLockMs });
  }

  /** Milliseconds until the next attempt may be checked; 0 when it may be now. */
  waitMs(): number {
    return Math.max(0, this.lockedUntil - this.now());
  }

  failed(): void {
    this.failures += 1;
    if (this.failures < this.options.maxFailures) return;
    this.failures = 0;
    this.lockedUntil = this.now() + this.lockouts.next();
  }

  succeeded(): void {
    this.failures = 0;
    this.lockouts.reset();
  }
}
