import type { Clock, TimerHandle } from '../clock';
import {
  getCallId,
  getCSeq,
  getFromTag,
  getToTag,
  serializeSipMessage,
  type SipRequest,
  type SipResponse,
} from '../message';
import { DEFAULT_TIMER_BASE, flowIsReliable, type ServerTransaction, type TimerBase } from '../transaction';
import { createUasDialog } from './createDialog';
import type { Dialog } from './dialog';

export interface AnswerInviteOptions {
  clock: Clock;
  /**
   * No ACK arrived within 64*T1 of the 2xx (§13.3.1.4): the dialog is confirmed but the session SHOULD be ended
   * with a BYE.
   */
  onAckTimeout(dialog: Dialog): void;
  /** The dialog a re-INVITE belongs to; by default a new UAS dialog is created from the INVITE and the 2xx. */
  dialog?: Dialog;
  /** Whether the flow is reliable; by default the flow says (`reliable`), else it is (WebSocket). */
  reliable?: boolean;
  timers?: Partial<Pick<TimerBase, 'T1' | 'T2'>>;
}

/**
 * A 2xx sent to an INVITE and the wait for its ACK (RFC 3261 §13.3.1.4). The INVITE server transaction ends with
 * the 2xx, so the UAS core keeps it alive: on an unreliable flow it retransmits the 2xx at T1, 2*T1, … up to T2
 * until the ACK arrives; over WebSocket (reliable) it is sent once. Either way, no ACK within 64*T1 calls
 * onAckTimeout.
 */
export class AnsweredInvite {
  readonly dialog: Dialog;
  /** Whether the 2xx went out (false if the transaction had already answered, or the flow refused it). */
  readonly sent: boolean;
  private ackReceived = false;
  private retransmitTimer: TimerHandle | undefined;
  private ackTimer: TimerHandle | undefined;
  private readonly clock: Clock;
  private readonly invite: SipRequest;

  constructor(tx: ServerTransaction, private readonly response: SipResponse, options: AnswerInviteOptions) {
    if (tx.method !== 'INVITE' || response.status < 200 || response.status >= 300) {
      throw new TypeError('answerInvite sends a 2xx to an INVITE');
    }
    this.clock = options.clock;
    this.dialog = options.dialog ?? createUasDialog(tx.request, response, { transportSecure: tx.flow.secure });
    this.invite = tx.request;
    const text = serializeSipMessage(response);
    this.sent = tx.respond(response);
    if (!this.sent) return;
    const { T1, T2 } = { ...DEFAULT_TIMER_BASE, ...options.timers };
    if (!(options.reliable ?? flowIsReliable(tx.flow))) {
      const retransmit = (interval: number): void => {
        this.retransmitTimer = this.clock.setTimeout(() => {
          if (tx.flow.send(text)) retransmit(Math.min(2 * interval, T2));
          else this.retransmitTimer = undefined;
        }, interval);
      };
      retransmit(T1);
    }
    this.ackTimer = this.clock.setTimeout(() => {
      this.stop();
      options.onAckTimeout(this.dialog);
    }, 64 * T1);
  }

  get acked(): boolean {
    return this.ackReceived;
  }

  /**
   * Give it the ACKs the transaction layer hands to the TU (onAck); returns whether `ack` acknowledges this 2xx
   * (same Call-ID, tags and CSeq number), which stops the retransmissions and the ACK timer.
   */
  receiveAck(ack: SipRequest): boolean {
    if (ack.method !== 'ACK' || !this.matches(ack)) return false;
    this.ackReceived = true;
    this.stop();
    return true;
  }

  /** Stops retransmitting and waiting (e.g. when the dialog ends early). */
  stop(): void {
    if (this.retransmitTimer !== undefined) this.clock.clearTimeout(this.retransmitTimer);
    if (this.ackTimer !== undefined) this.clock.clearTimeout(this.ackTimer);
    this.retransmitTimer = undefined;
    this.ackTimer = undefined;
  }

  private matches(ack: SipRequest): boolean {
    return (
      getCallId(ack) === getCallId(this.invite) &&
      getCSeq(ack)?.seq === getCSeq(this.invite)?.seq &&
      getFromTag(ack) === getFromTag(this.invite) &&
      getToTag(ack) === getToTag(this.response)
    );
  }
}

/** Sends `response` (a 2xx carrying our To tag and Contact) on INVITE server transaction `tx`; see AnsweredInvite. */
export function answerInvite(
  tx: ServerTransaction,
  response: SipResponse,
  options: AnswerInviteOptions,
): AnsweredInvite {
  return new AnsweredInvite(tx, response, options);
}
