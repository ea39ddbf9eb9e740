import { describe, expect, it } from 'vitest';
import { AuthThrottle } from '../../../../electron/pbx/core/auth/authThrottle';

function throttleAt(start = 0) {
  const clock = { now: start };
  const throttle = new AuthThrottle(() => clock.now, { maxFailures: 3, windowMs: 60_000, maxLockMs: 600_000, maxKeys: 50 });
  const fail = (source: string, user: string) => {
    const attempt = throttle.begin(source, user);
    attempt?.failed();
    return attempt !== null;
  };
  return { clock, throttle, fail };
}

describe('AuthThrottle', () => {
  it('locks out one (source, user) after maxFailures, leaving other users of the same source alone', () => {
    const { throttle, fail } = throttleAt();
    expect([fail('10.0.0.1', '100'), fail('10.0.0.1', '100'), fail('10.0.0.1', '100')]).toEqual([true, true, true]);
    expect(throttle.begin('10.0.0.1', '100')).toBeNull();
    expect(throttle.retryAfterMs('10.0.0.1', '100')).toBe(60_000);
    expect(throttle.begin('10.0.0.1', '101')).not.toBeNull();
    expect(throttle.begin('10.0.0.2', '100')).not.toBeNull();
  });

  it('doubles each further lockout up to maxLockMs, and starts over after a quiet maxLockMs', () => {
    const { clock, throttle, fail } = throttleAt();
    const lockouts: number[] = [];
    for (let round = 0; round < 6; round++) {
      for (let n = 0; n < 3; n++) fail('s', 'u');
      lockouts.push(throttle.retryAfterMs('s', 'u'));
      clock.now += throttle.retryAfterMs('s', 'u');
    }
    expect(lockouts).toEqual([60_000, 120_000, 240_000, 480_000, 600_000, 600_000]);
    clock.now += 600_001;
    for (let n = 0; n < 3; n++) fail('s', 'u');
    expect(throttle.retryAfterMs('s', 'u')).toBe(60_000);
  });

  it('counts attempts under way: parallel guesses get no more tries than serial ones', () => {
    const { throttle } = throttleAt();
    const started = Array.from({ length: 100 }, () => throttle.begin('s', ''));
    expect(started.filter((attempt) => attempt !== null)).toHaveLength(3);
    for (const attempt of started) attempt?.failed();
    expect(throttle.retryAfterMs('s', '')).toBe(60_000);
  });

  it('takes back an attempt whose credentials were right', () => {
    const { throttle, fail } = throttleAt();
    fail('s', 'u');
    fail('s', 'u');
    for (let n = 0; n < 10; n++) throttle.begin('s', 'u')?.forgiven();
    expect(throttle.begin('s', 'u')).not.toBeNull();
  });

  it('forgets failures older than the window', () => {
    const { clock, throttle, fail } = throttleAt();
    fail('s', 'u');
    fail('s', 'u');
    clock.now += 60_001;
    fail('s', 'u');
    fail('s', 'u');
    expect(throttle.retryAfterMs('s', 'u')).toBe(0);
  });

  it('remembers a bounded number of keys, keeping the locked-out ones', () => {
    const { throttle, fail } = throttleAt();
    for (let n = 0; n < 3; n++) fail('s', 'victim');
    for (let n = 0; n < 500; n++) fail('s', `made-up-${n}`);
    expect(throttle.retryAfterMs('s', 'victim')).toBe(60_000);
  });
});
