import { describe, expect, it } from 'vitest';
import { isLocked, PIN_LOCKOUT, recordPinFailure } from '../../../shared/domain/pinLockout';

const MINUTE = 60_000;

/** Records failures at the given minutes; returns the last outcome. */
function failAt(minutes: readonly number[]) {
  let failures: number[] = [];
  let lockedUntil: number | null = null;
  for (const minute of minutes) {
    const outcome = recordPinFailure(failures, minute * MINUTE);
    failures = outcome.failures;
    lockedUntil = outcome.lockedUntil ?? lockedUntil;
  }
  return { failures, lockedUntil };
}

describe('the PIN lockout: 5 wrong PINs within 15 minutes lock for 15 minutes', () => {
  it('locks on the fifth failure within the window, for 15 minutes from it', () => {
    expect(PIN_LOCKOUT).toEqual({ maxFailures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE });
    expect(failAt([0, 1, 2, 3]).lockedUntil).toBeNull();
    const locked = failAt([0, 1, 2, 3, 14]);
    expect(locked).toEqual({ failures: [], lockedUntil: 29 * MINUTE });
    expect(isLocked(locked.lockedUntil, 28.99 * MINUTE)).toBe(true);
    expect(isLocked(locked.lockedUntil, 29 * MINUTE)).toBe(false);
  });

  it('forgets failures older than the window (a sliding window, not a fixed one)', () => {
    expect(failAt([0, 1, 2, 3, 15]).lockedUntil).toBeNull(); // the one at minute 0 fell out
    expect(failAt([0, 1, 2, 3, 15]).failures).toEqual([1, 2, 3, 15].map((minute) => minute * MINUTE));
    expect(failAt([0, 1, 2, 3, 15, 15.5]).lockedUntil).toBe(30.5 * MINUTE);
  });

  it('starts counting afresh after a lock', () => {
    expect(failAt([0, 0, 0, 0, 0, 16, 16, 16, 16]).lockedUntil).toBe(15 * MINUTE);
    expect(failAt([0, 0, 0, 0, 0, 16, 16, 16, 16, 16]).lockedUntil).toBe(31 * MINUTE);
  });

  it('no lock is no lock', () => {
    expect(isLocked(null, 0)).toBe(false);
  });
});
