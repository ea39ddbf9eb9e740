import { serializeSipMessage, type SipRequest, type SipResponse } from '../message';
import type { Flow } from '../flow';
import { ClientTransactionBase } from './clientTransactionBase';
import type { TransactionContext } from './context';
import { buildCancel, buildNonSuccessAck } from './requestBuilders';
import type { ClientTransactionHandlers } from './types';

/** How an INVITE client transaction sends its CANCEL: in a non-INVITE client transaction with the same Via. */
export type CancelSender = (cancel: SipRequest, flow: Flow) => void;

/**
 * The INVITE client transaction, ICT (RFC 3261 §17.1.1, Figure 5): Calling → (1xx) Proceeding → (2xx) Terminated,
 * or → (300-699, ACK sent) Completed → (Timer D) Terminated. Timer A retransmits only on an unreliable flow; Timer B
 * (64*T1) gives up if no response at all arrives. Once a provisional has arrived there is no transaction timeout:
 * a proxy bounds the wait with its Timer C (§16.6 step 11), a UAC by cancelling.
 *
 * A 2xx terminates the transaction (RFC 3261, not RFC 6026): the TU sends the ACK for it (§13.2.2.4), and
 * retransmitted 2xx reach the TU as stray responses.
 */
export class InviteClientTransaction extends ClientTransactionBase {
  private retransmitInterval = 0;
  private cancelState: 'none' | 'pending' | 'sent' = 'none';
  private cancelReason: string | undefined;
  /** The ACK for the non-2xx final, kept to answer retransmissions of that final. */
  private ack: string | undefined;

  constructor(
    id: string,
    request: SipRequest,
    flow: Flow,
    text: string,
    handlers: ClientTransactionHandlers,
    context: TransactionContext,
    onGone: (tx: ClientTransactionBase) => void,
    private readonly sendCancel: CancelSender,
  ) {
    super(id, request, flow, text, handlers, context, onGone, 'calling');
  }

  protected startTimers(): void {
    if (this.durations.TIMER_A !== undefined) {
      this.retransmitInterval = this.durations.TIMER_A;
      this.timers.start('TIMER_A', this.retransmitInterval, () => this.fireTimerA());
    }
    this.timers.start('TIMER_B', this.durations.TIMER_B, () => {
      if (this.state === 'calling') this.fail('timeout');
    });
  }

  /** §17.1.1.2: retransmit, then wait twice as long. */
  private fireTimerA(): void {
    if (this.state !== 'calling' || !this.retransmit()) return;
    this.retransmitInterval *= 2;
    this.timers.start('TIMER_A', this.retransmitInterval, () => this.fireTimerA());
  }

  receiveResponse(response: SipResponse): boolean {
    const active = this.state === 'calling' || this.state === 'proceeding';
    if (response.status < 200) {
      if (!active) return true;
      this.state = 'proceeding';
      this.timers.stop('TIMER_A');
      this.timers.stop('TIMER_B');
      // §9.1: a CANCEL asked for before any provisional response goes out now.
      if (this.cancelState === 'pending') this.startCancel();
      this.deliverProvisional(response);
      return true;
    }
    if (response.status < 300) {
      // A 2xx in Completed (after a non-2xx from another fork) is not ours: the TU gets it as a stray.
      if (!active) return false;
      this.terminate();
      this.deliverFinal(response);
      return true;
    }
    if (!active) {
      // A retransmitted final in Completed: answer it with the same ACK, tell the TU nothing (§17.1.1.2).
      if (this.state === 'completed') this.sendAck();
      return true;
    }
    this.state = 'completed';
    this.timers.stopAll();
    this.ack = serializeSipMessage(buildNonSuccessAck(this.request, response));
    this.sendAck();
    this.leaveCompletedAfter('TIMER_D', this.durations.TIMER_D);
    this.deliverFinal(response);
    return true;
  }

  override cancel(reason?: string): void {
    if (this.cancelState !== 'none' || (this.state !== 'calling' && this.state !== 'proceeding')) return;
    this.cancelReason = reason;
    if (this.state === 'calling') this.cancelState = 'pending';
    else this.startCancel();
  }

  private startCancel(): void {
    this.cancelState = 'sent';
    this.sendCancel(buildCancel(this.request, this.cancelReason), this.flow);
    // §9.1: without a final response 64*T1 after the CANCEL, consider the INVITE transaction gone.
    this.timers.start('CANCEL_GIVE_UP', 64 * this.context.timerBase.T1, () => this.fail('timeout'));
  }

  private sendAck(): void {
    // A lost ACK is recovered by the retransmitted final (unreliable flows); a closed flow is reported by flowClosed.
    if (this.ack !== undefined) this.flow.send(this.ack);
  }
}
