import {
  buildResponse,
  getToTag,
  serializeSipMessage,
  type SipHeader,
  type SipRequest,
  type SipResponse,
} from '../message';
import type { Flow } from '../flow';
import type { TransactionContext } from './context';
import { TimerSet } from './timerSet';
import type { TransactionTimers } from './timers';
import type {
  RespondOptions,
  ServerTransaction,
  ServerTransactionState,
  TerminationReason,
} from './types';

export type ServerTimerName = 'TIMER_G' | 'TIMER_H' | 'TIMER_I' | 'TIMER_J';

/** What IST and NIST share: building and sending responses, the last response, termination. */
export abstract class ServerTransactionBase implements ServerTransaction {
  state: ServerTransactionState;
  finalResponseSent = false;
  /** The last response sent, as text, for absorbing retransmitted requests (§17.2.1, §17.2.2). */
  protected lastResponse: string | undefined;
  protected readonly timers: TimerSet<ServerTimerName>;
  protected readonly durations: TransactionTimers;
  private readonly listeners: Array<(reason: TerminationReason) => void> = [];
  private terminationReason: TerminationReason | undefined;
  /** The To tag of our responses (§8.2.6.2), also used in the 200 OK to a CANCEL (§9.2). */
  private toTag: string | undefined;

  constructor(
    readonly id: string,
    readonly request: SipRequest,
    readonly flow: Flow,
    initialState: ServerTransactionState,
    protected readonly context: TransactionContext,
    private readonly onGone: (tx: ServerTransactionBase) => void,
  ) {
    this.state = initialState;
    this.timers = new TimerSet(context.clock);
    this.durations = context.timersFor(flow);
  }

  get method(): string {
    return this.request.method;
  }

  respond(response: SipResponse): boolean;
  respond(status: number, reason?: string, options?: RespondOptions): boolean;
  respond(statusOrResponse: number | SipResponse, reason?: string, options: RespondOptions = {}): boolean {
    if (this.finalResponseSent || this.state === 'terminated') return false;
    const response =
      typeof statusOrResponse === 'number' ? this.build(statusOrResponse, reason, options) : statusOrResponse;
    if (!Number.isInteger(response.status) || response.status < 100 || response.status > 699) {
      throw new TypeError(`Invalid response status: ${response.status}`);
    }
    const text = serializeSipMessage(response);
    if (response.status > 100) this.toTag ??= getToTag(response);
    return this.sendResponse(response.status, text);
  }

  /** The To tag our responses carry, making one up if none was sent yet. */
  responseToTag(): string {
    this.toTag ??= getToTag(this.request) ?? this.context.ids.tag();
    return this.toTag;
  }

  onTerminated(listener: (reason: TerminationReason) => void): void {
    const reason = this.terminationReason;
    if (reason === undefined) this.listeners.push(listener);
    else if (reason !== 'closed') this.context.callUser(() => listener(reason));
  }

  /** A retransmission of the request that created the transaction arrived (§17.2.3 matched it). */
  abstract receiveRetransmission(): void;

  /** Moves the state machine on for a response the TU sends; `text` is the serialised response. */
  protected abstract sendResponse(status: number, text: string): boolean;

  /** Sends on the flow; a refusal is a transport error, which terminates the transaction (§17.2.4). */
  protected transmit(text: string): boolean {
    if (this.flow.send(text)) return true;
    this.terminate('transport-error');
    return false;
  }

  /** Resends the last response (absorbing a retransmitted request). */
  protected retransmitLastResponse(): void {
    if (this.lastResponse !== undefined) this.transmit(this.lastResponse);
  }

  terminate(reason: TerminationReason): void {
    if (this.state === 'terminated') return;
    this.state = 'terminated';
    this.terminationReason = reason;
    this.timers.stopAll();
    this.onGone(this);
    if (reason === 'closed') return;
    for (const listener of this.listeners.splice(0)) this.context.callUser(() => listener(reason));
  }

  private build(status: number, reason: string | undefined, options: RespondOptions): SipResponse {
    const headers: SipHeader[] = [...(options.headers ?? [])];
    if (options.body !== undefined) headers.push({ name: 'Content-Type', value: options.body.contentType });
    const toTag = status === 100 ? undefined : (options.toTag ?? this.responseToTag());
    return buildResponse(this.request, status, {
      ...(reason !== undefined ? { reason } : {}),
      ...(toTag !== undefined ? { toTag } : {}),
      headers,
      ...(options.body !== undefined ? { body: options.body.text } : {}),
    });
  }
}
