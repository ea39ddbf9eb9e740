/** How long to wait between the attempts of something that keeps failing. */
export interface BackoffPolicy {
  /** Delay before the first retry. */
  readonly initialMs: number;
  /** Upper bound of the delay, however often it fails. */
  readonly maxMs: number;
}

/**
 * Exponential backoff: attempt 0 waits `initialMs`, each further attempt twice as long, up to `maxMs`. Given
 * `random` (0 ≤ x < 1) the delay is spread by ±20 %, so that many kiosks that lost the same server do not come back
 * all at once.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random?: () => number): number {
  const base = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.max(0, attempt));
  return random ? Math.round(base * (0.8 + 0.4 * random())) : base;
}

/** The retries of one thing: next() is the delay before the next attempt, reset() follows a success. */
export class Backoff {
  private attempt = 0;

  constructor(
    private readonly policy: BackoffPolicy,
    private readonly random?: () => number,
  ) {}

  next(): number {
    return backoffDelay(this.attempt++, this.policy, this.random);
  }

  reset(): void {
    this.attempt = 0;
  }
}
