import type { SipRequest, SipResponse } from '../message';
import type { Flow } from '../flow';
import type { TransactionContext } from './context';
import { TimerSet } from './timerSet';
import type { TransactionTimers } from './timers';
import type { ClientTransaction, ClientTransactionHandlers, ClientTransactionState } from './types';

export type ClientTimerName =
  | 'TIMER_A'
  | 'TIMER_B'
  | 'TIMER_D'
  | 'TIMER_E'
  | 'TIMER_F'
  | 'TIMER_K'
  /** §9.1: 64*T1 after sending a CANCEL without a final response, the INVITE transaction is given up. */
  | 'CANCEL_GIVE_UP'
  /** Defers the report of a request the flow refused, so that handlers never run inside sendRequest. */
  | 'SEND_FAILED';

/** What ICT and NICT share: sending and retransmitting the request, failure, termination. */
export abstract class ClientTransactionBase implements ClientTransaction {
  state: ClientTransactionState;
  protected readonly timers: TimerSet<ClientTimerName>;
  protected readonly durations: TransactionTimers;

  constructor(
    readonly id: string,
    readonly request: SipRequest,
    readonly flow: Flow,
    /** The request as serialised once, for sending and retransmitting. */
    private readonly text: string,
    protected readonly handlers: ClientTransactionHandlers,
    protected readonly context: TransactionContext,
    private readonly onGone: (tx: ClientTransactionBase) => void,
    initialState: ClientTransactionState,
  ) {
    this.state = initialState;
    this.timers = new TimerSet(context.clock);
    this.durations = context.timersFor(flow);
  }

  /** Sends the request and starts the state machine. */
  start(): void {
    if (!this.flow.send(this.text)) {
      this.timers.start('SEND_FAILED', 0, () => this.fail('transport-error'));
      return;
    }
    this.startTimers();
  }

  cancel(_reason?: string): void {}

  /** A response matched this transaction's key; returns false if the transaction does not take it (a stray). */
  abstract receiveResponse(response: SipResponse): boolean;

  protected abstract startTimers(): void;

  /** Resends the request; a refusal fails the transaction (§17.1.4). */
  protected retransmit(): boolean {
    if (this.flow.send(this.text)) return true;
    this.fail('transport-error');
    return false;
  }

  /** Timeout (Timers B, F) or transport error (§17.1.4): terminate and tell the TU. */
  fail(kind: 'timeout' | 'transport-error'): void {
    if (this.state === 'terminated') return;
    this.terminate();
    const handlers = this.handlers;
    this.context.callUser(() => {
      if (kind === 'transport-error' && handlers.onTransportError) handlers.onTransportError();
      else handlers.onTimeout();
    });
  }

  /** Ends the transaction without telling the TU (also used by TransactionLayer.close()). */
  terminate(): void {
    if (this.state === 'terminated') return;
    this.state = 'terminated';
    this.timers.stopAll();
    this.onGone(this);
  }

  protected deliverProvisional(response: SipResponse): void {
    const handlers = this.handlers;
    if (handlers.onProvisional) this.context.callUser(() => handlers.onProvisional?.(response));
  }

  protected deliverFinal(response: SipResponse): void {
    const handlers = this.handlers;
    this.context.callUser(() => handlers.onFinal(response));
  }

  /** Leaves the Completed state after `ms` (Timers D and K; zero on a reliable flow). */
  protected leaveCompletedAfter(timer: 'TIMER_D' | 'TIMER_K', ms: number): void {
    if (ms === 0) this.terminate();
    else this.timers.start(timer, ms, () => this.terminate());
  }
}
