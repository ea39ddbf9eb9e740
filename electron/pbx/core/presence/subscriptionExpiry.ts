import type { Clock, ServerTransaction, SipRequest, TimerHandle } from '../../../sip';
import { getExpires } from '../../../sip';

/** The shortest and longest subscription a notifier grants; a SUBSCRIBE without Expires gets the longest. */
export interface ExpiresLimits {
  min: number;
  max: number;
}

/** The Expires to grant, or null after answering 423 with Min-Expires (RFC 6665 §4.2.1.1: a notifier may shorten). */
export function grantExpires(tx: ServerTransaction, request: SipRequest, limits: ExpiresLimits): number | null {
  const requested = getExpires(request) ?? limits.max;
  if (requested > 0 && requested < limits.min) {
    tx.respond(423, undefined, { headers: [{ name: 'Min-Expires', value: String(limits.min) }] });
    return null;
  }
  return Math.min(requested, limits.max);
}

/** When a subscription runs out (notifier side, RFC 6665 §4.2.2): one timer, re-armed by each refresh. */
export class SubscriptionExpiry {
  private expiresAt = 0;
  private timer: TimerHandle | null = null;

  constructor(private readonly clock: Clock) {}

  arm(seconds: number, onExpired: () => void): void {
    this.clear();
    this.expiresAt = this.clock.now() + seconds * 1000;
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      onExpired();
    }, seconds * 1000);
  }

  clear(): void {
    if (this.timer) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  /** For `Subscription-State: active;expires=…`. */
  secondsLeft(): number {
    return Math.max(0, Math.round((this.expiresAt - this.clock.now()) / 1000));
  }
}
