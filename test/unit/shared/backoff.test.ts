import { describe, expect, it } from 'vitest';
import { Backoff, backoffDelay } from '../../../shared/util/backoff';

describe('backoff', () => {
  const policy = { initialMs: 1000, maxMs: 30_000 };

  it('without jitter: exactly the initial delay, doubling up to the maximum', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 100].map((attempt) => backoffDelay(attempt, policy))).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('counts attempts until a success resets it', () => {
    const retries = new Backoff(policy);
    expect([retries.next(), retries.next(), retries.next()]).toEqual([1000, 2000, 4000]);
    retries.reset();
    expect(retries.next()).toBe(1000);
  });

  it('spreads a counted attempt by ±20 % when given randomness', () => {
    const retries = new Backoff(policy, () => 0);
    expect([retries.next(), retries.next()]).toEqual([800, 1600]);
  });
});
