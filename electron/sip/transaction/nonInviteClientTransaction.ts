import type { SipRequest, SipResponse } from '../message';
import type { Flow } from '../flow';
import { ClientTransactionBase } from './clientTransactionBase';
import type { TransactionContext } from './context';
import type { ClientTransactionHandlers } from './types';

/**
 * The non-INVITE client transaction, NICT (RFC 3261 §17.1.2, Figure 6): Trying → (1xx) Proceeding → (final)
 * Completed → (Timer K) Terminated. Timer E retransmits only on an unreliable flow; Timer F (64*T1) gives up in
 * Trying or Proceeding.
 */
export class NonInviteClientTransaction extends ClientTransactionBase {
  private retransmitInterval = 0;

  constructor(
    id: string,
    request: SipRequest,
    flow: Flow,
    text: string,
    handlers: ClientTransactionHandlers,
    context: TransactionContext,
    onGone: (tx: ClientTransactionBase) => void,
  ) {
    super(id, request, flow, text, handlers, context, onGone, 'trying');
  }

  protected startTimers(): void {
    if (this.durations.TIMER_E !== undefined) {
      this.retransmitInterval = this.durations.TIMER_E;
      this.timers.start('TIMER_E', this.retransmitInterval, () => this.fireTimerE());
    }
    this.timers.start('TIMER_F', this.durations.TIMER_F, () => this.fail('timeout'));
  }

  /** §17.1.2.2: in Trying the interval doubles up to T2; in Proceeding it is T2. */
  private fireTimerE(): void {
    if ((this.state !== 'trying' && this.state !== 'proceeding') || !this.retransmit()) return;
    const T2 = this.context.timerBase.T2;
    this.retransmitInterval = this.state === 'trying' ? Math.min(2 * this.retransmitInterval, T2) : T2;
    this.timers.start('TIMER_E', this.retransmitInterval, () => this.fireTimerE());
  }

  receiveResponse(response: SipResponse): boolean {
    if (this.state !== 'trying' && this.state !== 'proceeding') return true; // Completed absorbs retransmissions.
    if (response.status < 200) {
      this.state = 'proceeding';
      this.deliverProvisional(response);
      return true;
    }
    this.state = 'completed';
    this.timers.stopAll();
    this.leaveCompletedAfter('TIMER_K', this.durations.TIMER_K);
    this.deliverFinal(response);
    return true;
  }
}
