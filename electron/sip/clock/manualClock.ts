import type { Clock, TimerHandle } from './clock';

interface ScheduledTimer {
  readonly id: number;
  readonly at: number;
  readonly fn: () => void;
}

/**
 * A clock for tests: time only moves in advance(). Due timers run in order of due time, then of scheduling, each
 * with now() equal to its due time; timers scheduled while advancing run too if they fall due before the end.
 */
export class ManualClock implements Clock {
  private time: number;
  private nextId = 1;
  private readonly timers = new Map<number, ScheduledTimer>();

  constructor(start = 0) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const id = this.nextId++;
    this.timers.set(id, { id, at: this.time + Math.max(0, ms), fn });
    return { id };
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers.delete(handle.id);
  }

  /** Moves time forward by `ms` (0 runs the timers due now), running every timer that falls due on the way. */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`Cannot advance a clock by ${ms} ms`);
    const end = this.time + ms;
    for (let timer = this.nextDue(end); timer !== undefined; timer = this.nextDue(end)) {
      this.timers.delete(timer.id);
      this.time = timer.at;
      timer.fn();
    }
    this.time = end;
  }

  /** How many timers are scheduled and not yet run or cleared. */
  pending(): number {
    return this.timers.size;
  }

  private nextDue(end: number): ScheduledTimer | undefined {
    let next: ScheduledTimer | undefined;
    for (const timer of this.timers.values()) {
      if (timer.at > end) continue;
      if (next === undefined || timer.at < next.at || (timer.at === next.at && timer.id < next.id)) next = timer;
    }
    return next;
  }
}
