import { describe, expect, it } from 'vitest';
import { ExpiryWheel } from '../../../../electron/pbx/core/presence/expiryWheel';
import { ManualClock } from '../../../../electron/sip';

function wheel(start = 10_250) {
  const clock = new ManualClock(start);
  const expired: Array<{ item: string; at: number }> = [];
  const expiries = new ExpiryWheel<string>(clock, (item) => expired.push({ item, at: clock.now() }));
  return { clock, expired, expiries };
}

describe('ExpiryWheel: many subscription expiries on one timer (RFC 6665 §4.2.2)', () => {
  it('ends each at the first whole second after it ran out, and tells the exact seconds left meanwhile', () => {
    const { clock, expired, expiries } = wheel();
    expiries.arm('a', 60);
    expiries.arm('b', 61);
    expiries.arm('c', 60);
    expect(expiries.secondsLeft('a')).toBe(60);
    clock.advance(30_000);
    expect(expiries.secondsLeft('b')).toBe(31);
    clock.advance(30_000 - 1); // a and c ran out at 70.250 s: ended at 71 s
    clock.advance(1);
    expect(expired).toEqual([]);
    clock.advance(749);
    expect(expired).toEqual([]);
    clock.advance(1);
    expect(expired).toEqual([{ item: 'a', at: 71_000 }, { item: 'c', at: 71_000 }]);
    clock.advance(1_000);
    expect(expired.map(({ item }) => item)).toEqual(['a', 'c', 'b']);
    expect([expiries.size, clock.pending()]).toEqual([0, 0]);
  });

  it('re-arms on refresh, forgets a cleared item, and takes items armed while it ends others', () => {
    const { clock, expired, expiries } = wheel();
    expiries.arm('refreshed', 60);
    expiries.arm('cleared', 60);
    expiries.arm('short', 1);
    clock.advance(30_000);
    expiries.arm('refreshed', 60);
    expiries.clear('cleared');
    expect(expiries.secondsLeft('cleared')).toBe(0);
    expect(expired.map(({ item }) => item)).toEqual(['short']);
    clock.advance(40_000);
    expect(expired.map(({ item }) => item)).toEqual(['short']);
    const chained = new ExpiryWheel<string>(clock, (item) => {
      expired.push({ item, at: clock.now() });
      if (item === 'first') chained.arm('second', 5);
    });
    chained.arm('first', 5);
    clock.advance(21_000);
    expect(expired.map(({ item }) => item)).toEqual(['short', 'first', 'second', 'refreshed']);
    expect(expired.at(-1)?.at).toBe(101_000);
  });
});
