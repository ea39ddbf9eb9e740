import { z } from 'zod';
import { backoffDelay } from '../../../shared/util/backoff';

export interface ThrottleOptions {
  /** Wrong guesses in a row before a lockout. */
  maxFailures: number;
  /** The first lockout; each further one doubles, up to `maxLockMs`. */
  lockMs: number;
  maxLockMs: number;
  now?: () => number;
}

/** Five wrong admin PINs lock the settings for 5 minutes; a guesser who keeps going waits twice as long each time. */
export const ADMIN_PIN_THROTTLE: ThrottleOptions = { maxFailures: 5, lockMs: 5 * 60_000, maxLockMs: 60 * 60_000 };

/** What a throttle remembers, kept on disk so that a restart does not lift a lockout. */
export const throttleStateSchema = z.object({
  failures: z.number().int().min(0),
  /** Epoch ms; 0 when not locked. */
  lockedUntil: z.number().min(0),
  /** Lockouts since the last success: how long the next one lasts. */
  lockouts: z.number().int().min(0),
});
export type ThrottleState = z.infer<typeof throttleStateSchema>;

export interface ThrottleMemory {
  load(): ThrottleState | null;
  save(state: ThrottleState): void;
}

/** Slows down a guesser: after `maxFailures` wrong answers in a row nothing is checked until the lockout ends. */
export class AttemptThrottle {
  private state: ThrottleState;
  private readonly now: () => number;

  constructor(
    private readonly options: ThrottleOptions,
    private readonly memory: ThrottleMemory | null = null,
  ) {
    this.now = options.now ?? Date.now;
    this.state = memory?.load() ?? { failures: 0, lockedUntil: 0, lockouts: 0 };
  }

  /** Milliseconds until the next attempt may be checked; 0 when it may be now. */
  waitMs(): number {
    return Math.max(0, this.state.lockedUntil - this.now());
  }

  failed(): void {
    const failures = this.state.failures + 1;
    if (failures < this.options.maxFailures) return this.remember({ ...this.state, failures });
    const lockMs = backoffDelay(this.state.lockouts, { initialMs: this.options.lockMs, maxMs: this.options.maxLockMs });
    this.remember({ failures: 0, lockedUntil: this.now() + lockMs, lockouts: this.state.lockouts + 1 });
  }

  succeeded(): void {
    if (this.state.failures === 0 && this.state.lockouts === 0 && this.state.lockedUntil === 0) return;
    this.remember({ failures: 0, lockedUntil: 0, lockouts: 0 });
  }

  private remember(state: ThrottleState): void {
    this.state = state;
    this.memory?.save({ ...state });
  }
}
