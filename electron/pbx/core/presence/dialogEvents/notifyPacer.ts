import type { Clock, TimerHandle } from '../../../../sip';

export interface PacerLimits {
  /** NOTIFYs allowed at once... */
  burst: number;
  /** ...within this window; more wait for it to pass. */
  windowMs: number;
}

/**
 * Paces one subscription's NOTIFYs (RFC 4235 §3.10 asks notifiers not to flood a subscriber): at most `burst` in any
 * `windowMs`. A change that arrives over the limit is not dropped: one NOTIFY is sent when the window allows, and it
 * carries the state of that moment — so the last state is always delivered, and a burst costs at most one extra.
 */
export class NotifyPacer {
  /** When the last `burst` NOTIFYs went out, oldest at `next` (a ring of exactly `burst` slots: thousands are held). */
  private readonly sentAt: number[];
  private next = 0;
  private timer: TimerHandle | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly limits: PacerLimits,
    private readonly send: () => void,
  ) {
    this.sentAt = Array.from({ length: limits.burst }, () => Number.NEGATIVE_INFINITY);
  }

  /** The state changed: send now if the limit allows, else once it does (a pending send already covers it). */
  changed(): void {
    if (this.timer !== null) return;
    const wait = this.waitMs();
    if (wait <= 0) {
      this.sendNow();
      return;
    }
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.sendNow();
    }, wait);
  }

  /** Sends regardless of the limit (the first NOTIFY, a refresh, the final one) and counts it. */
  sendNow(): void {
    this.cancel();
    this.sentAt[this.next] = this.clock.now();
    this.next = (this.next + 1) % this.sentAt.length;
    this.send();
  }

  cancel(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  get pending(): boolean {
    return this.timer !== null;
  }

  private waitMs(): number {
    return (this.sentAt[this.next] as number) + this.limits.windowMs - this.clock.now();
  }
}
