import type { Dialog, Flow } from '../../../../sip';
import type { NotifyPacer } from './notifyPacer';

/** One watcher's subscription to one extension's dialog state (RFC 4235, RFC 6665 notifier side). */
export class DialogSubscription {
  /** The dialog-info version of the next NOTIFY: 0 first, one more each time (RFC 4235 §4.1). */
  version = 0;
  pacer: NotifyPacer | null = null;

  constructor(
    readonly key: string,
    readonly extension: string,
    readonly dialog: Dialog,
    readonly flow: Flow,
    readonly eventValue: string,
  ) {}
}
