/**
 * The hot-desk PIN lockout rule: this many failed PINs for one extension within the window lock its hot-desk login
 * for the lock time. Times are milliseconds on any clock.
 */
export const PIN_LOCKOUT = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 } as const;

export interface PinLockoutRule {
  readonly maxFailures: number;
  readonly windowMs: number;
  readonly lockMs: number;
}

export interface FailureOutcome {
  /** The failures still inside the window, this one included; empty once they caused a lock. */
  failures: number[];
  /** When the extension is locked until, if this failure locked it; otherwise null. */
  lockedUntil: number | null;
}

/** Records a failure at `now` against the earlier `failures` (times); a lock starts when the window holds enough. */
export function recordPinFailure(failures: readonly number[], now: number, rule: PinLockoutRule = PIN_LOCKOUT): FailureOutcome {
  const recent = [...failures.filter((at) => at > now - rule.windowMs && at <= now), now];
  if (recent.length >= rule.maxFailures) return { failures: [], lockedUntil: now + rule.lockMs };
  return { failures: recent, lockedUntil: null };
}

/** Whether a lock that lasts until `lockedUntil` (null: none) is in force at `now`. */
export function isLocked(lockedUntil: number | null, now: number): boolean {
  return lockedUntil !== null && now < lockedUntil;
}
