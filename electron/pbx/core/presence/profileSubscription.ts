import type { Mac } from '../../../../shared/domain/mac';
import type { Dialog, EventHeader, Flow, TimerHandle } from '../../../sip';
import type { ProfileUrlFormat } from './profileUrlBody';

/** One device's ua-profile subscription (RFC 6080 §6, RFC 6665): the notifier side of its dialog. */
export class ProfileSubscription {
  expiresAt = 0;
  timer: TimerHandle | null = null;

  constructor(
    readonly mac: Mac,
    /** The device key the SUBSCRIBE proved; null when it carried no proof (such a subscriber never gets a URL). */
    readonly publicKey: string | null,
    readonly dialog: Dialog,
    public flow: Flow,
    readonly event: EventHeader,
    readonly format: ProfileUrlFormat,
  ) {}

  secondsLeft(now: number): number {
    return Math.max(0, Math.round((this.expiresAt - now) / 1000));
  }
}
