import type { Clock, TimerHandle } from '../../../sip';

/**
 * The expiries of many subscriptions on one timer (a timer each costs more memory than a BLF subscription itself):
 * each runs out at its exact time but is ended at the next whole second — a notifier may end an expired
 * subscription any time after (RFC 6665 §4.2.2).
 */
export class ExpiryWheel<T> {
  /** Each item's exact expiry (ms). */
  private readonly expiresAt = new Map<T, number>();
  /** Items by the whole second they are ended at. */
  private readonly buckets = new Map<number, Set<T>>();
  private timer: TimerHandle | null = null;
  private timerAt = Number.POSITIVE_INFINITY;

  constructor(
    private readonly clock: Clock,
    private readonly onExpired: (item: T) => void,
  ) {}

  /** (Re)arms `item` to run out `seconds` from now. */
  arm(item: T, seconds: number): void {
    this.clear(item);
    const at = this.clock.now() + seconds * 1000;
    this.expiresAt.set(item, at);
    const second = bucketOf(at);
    const bucket = this.buckets.get(second) ?? new Set<T>();
    bucket.add(item);
    this.buckets.set(second, bucket);
    if (second < this.timerAt) this.schedule(second);
  }

  clear(item: T): void {
    const at = this.expiresAt.get(item);
    if (at === undefined) return;
    this.expiresAt.delete(item);
    const second = bucketOf(at);
    const bucket = this.buckets.get(second);
    bucket?.delete(item);
    if (bucket?.size === 0) this.buckets.delete(second); // the timer may stay: it finds nothing and moves on
  }

  /** For `Subscription-State: active;expires=…`. */
  secondsLeft(item: T): number {
    const at = this.expiresAt.get(item);
    return at === undefined ? 0 : Math.max(0, Math.round((at - this.clock.now()) / 1000));
  }

  get size(): number {
    return this.expiresAt.size;
  }

  close(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.timerAt = Number.POSITIVE_INFINITY;
    this.expiresAt.clear();
    this.buckets.clear();
  }

  private schedule(second: number): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timerAt = second;
    this.timer = this.clock.setTimeout(() => this.expire(), Math.max(0, second - this.clock.now()));
  }

  private expire(): void {
    this.timer = null;
    this.timerAt = Number.POSITIVE_INFINITY;
    const now = this.clock.now();
    for (const [second, bucket] of [...this.buckets]) {
      if (second > now) continue;
      this.buckets.delete(second);
      for (const item of bucket) {
        this.expiresAt.delete(item);
        this.onExpired(item);
      }
    }
    let next = Number.POSITIVE_INFINITY;
    for (const second of this.buckets.keys()) next = Math.min(next, second);
    if (next < this.timerAt) this.schedule(next);
  }
}

function bucketOf(at: number): number {
  return Math.ceil(at / 1000) * 1000;
}
