import { describe, expect, it } from 'vitest';
import { ManualClock, randomIds, systemClock } from '../../../../electron/sip/clock/clock';

describe('ManualClock', () => {
  it('runs due timers in order of due time, then of scheduling, with now() at their due time', () => {
    const clock = new ManualClock(1000);
    const log: string[] = [];
    clock.setTimeout(() => log.push(`b@${clock.now()}`), 20);
    clock.setTimeout(() => log.push(`a@${clock.now()}`), 10);
    clock.setTimeout(() => log.push(`c@${clock.now()}`), 20);
    clock.advance(15);
    expect(log).toEqual(['a@1010']);
    expect(clock.now()).toBe(1015);
    clock.advance(5);
    expect(log).toEqual(['a@1010', 'b@1020', 'c@1020']);
    expect(clock.pending()).toBe(0);
  });

  it('runs timers scheduled while advancing when they fall due before the end', () => {
    const clock = new ManualClock();
    const log: number[] = [];
    const tick = (): void => {
      log.push(clock.now());
      clock.setTimeout(tick, 100);
    };
    clock.setTimeout(tick, 100);
    clock.advance(350);
    expect(log).toEqual([100, 200, 300]);
    expect(clock.pending()).toBe(1);
  });

  it('advance(0) runs zero-delay timers; cleared timers never run', () => {
    const clock = new ManualClock();
    const log: string[] = [];
    clock.setTimeout(() => log.push('zero'), 0);
    const cleared = clock.setTimeout(() => log.push('cleared'), 0);
    clock.clearTimeout(cleared);
    clock.clearTimeout(cleared);
    expect(clock.pending()).toBe(1);
    clock.advance(0);
    expect(log).toEqual(['zero']);
    expect(() => clock.advance(-1)).toThrow(RangeError);
  });
});

describe('systemClock', () => {
  it('runs and clears real timers', async () => {
    const ran: string[] = [];
    systemClock.setTimeout(() => ran.push('ran'), 1);
    systemClock.clearTimeout(systemClock.setTimeout(() => ran.push('cleared'), 1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ran).toEqual(['ran']);
    expect(Math.abs(systemClock.now() - Date.now())).toBeLessThan(1000);
  });
});

describe('randomIds', () => {
  it('makes magic-cookie branches, tags and Call-IDs that do not repeat', () => {
    const branches = new Set(Array.from({ length: 100 }, () => randomIds.branch()));
    expect(branches.size).toBe(100);
    for (const branch of branches) expect(branch).toMatch(/^z9hG4bK[0-9a-f]{24}$/);
    expect(randomIds.tag()).toMatch(/^[0-9a-f]{16}$/);
    expect(randomIds.callId()).toMatch(/^[0-9a-f]{32}$/);
    expect(randomIds.tag()).not.toBe(randomIds.tag());
  });

  it('does not repeat across refills of its pool of random bytes', () => {
    const branches = Array.from({ length: 2000 }, () => randomIds.branch()); // 24 KB of randomness: several refills
    expect(new Set(branches).size).toBe(branches.length);
    expect(new Set(branches.map((branch) => branch.slice(7, 15))).size).toBeGreaterThan(1990);
  });
});
