import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LaterTask } from '../../../electron/common';

describe('LaterTask', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once, after the delay or when first needed, whichever comes first', async () => {
    let runs = 0;
    const late = new LaterTask(async () => void runs++, 5000);
    vi.advanceTimersByTime(4999);
    expect(runs).toBe(0);
    vi.advanceTimersByTime(1);
    await late.run();
    expect(runs).toBe(1);

    const needed = new LaterTask(async () => void runs++, 5000);
    await Promise.all([needed.run(), needed.run()]);
    vi.advanceTimersByTime(5000);
    expect(runs).toBe(2);
  });

  it('cancelled before it began, never runs; cancelled while running, waits for it', async () => {
    let runs = 0;
    const dropped = new LaterTask(async () => void runs++, 5000);
    await dropped.cancel();
    vi.advanceTimersByTime(5000);
    await dropped.run();
    expect(runs).toBe(0);

    let finish = () => {};
    const running = new LaterTask(() => new Promise<void>((resolve) => (finish = resolve)), 5000);
    void running.run();
    let cancelled = false;
    const cancelling = running.cancel().then(() => (cancelled = true));
    await Promise.resolve();
    expect(cancelled).toBe(false);
    finish();
    await cancelling;
    expect(cancelled).toBe(true);
  });
});
