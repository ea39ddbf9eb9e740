import type { Clock, IdSource } from '../clock';
import {
  buildErrorResponse,
  getCSeq,
  getTopVia,
  hostsEqual,
  parseSipMessage,
  prependHeader,
  serializeSipMessage,
  type ParseError,
  type SipMessage,
  type SipRequest,
  type SipResponse,
  type Via,
} from '../message';
import type { Flow } from '../flow';
import type { ClientTransactionBase } from './clientTransactionBase';
import type { TransactionContext } from './context';
import { InviteClientTransaction } from './inviteClientTransaction';
import { InviteServerTransaction } from './inviteServerTransaction';
import { NonInviteClientTransaction } from './nonInviteClientTransaction';
import { NonInviteServerTransaction } from './nonInviteServerTransaction';
import { stampReceived } from './receivedParams';
import { flowIsReliable } from './reliability';
import type { ServerTransactionBase } from './serverTransactionBase';
import { DEFAULT_TIMER_BASE, transactionTimers, type TimerBase } from './timers';
import { clientTransactionKey, serverTransactionKey } from './transactionKeys';
import type { ClientTransaction, ClientTransactionHandlers, TransactionUser } from './types';

export interface TransactionLayerOptions {
  clock: Clock;
  ids: IdSource;
  user: TransactionUser;
  /** The host (optionally `host:port`) of the Via this layer puts on requests; responses must come back to it. */
  viaHost: string;
  /** The Via transport; by default WSS on secure flows, WS otherwise. */
  viaTransport?: 'WS' | 'WSS';
  /** A message that failed to parse (answered with 400/505/513 when it was a request that can be answered). */
  onParseError?(flow: Flow, reason: string): void;
  /** Reliability of flows that do not say (`reliable` on the flow); default true, as for WebSocket. */
  reliable?: boolean;
  /** T1, T2, T4 (RFC 3261 §17.1.1.1); the defaults are the RFC's. */
  timers?: Partial<TimerBase>;
  /** What a TU callback or handler threw; it never reaches the transport. Default: console.error. */
  onError?(error: unknown): void;
}

export interface SendRequestOptions {
  /** Send with the request's own top Via (which must carry a branch) instead of adding ours. */
  keepVia?: boolean;
}

export interface SendStatelessOptions {
  /** Requests only: add our Via with a new branch first (e.g. a proxied ACK for a 2xx, §16.6 step 8). */
  addVia?: boolean;
}

const IGNORE_RESPONSES: ClientTransactionHandlers = { onFinal: () => {}, onTimeout: () => {} };

/**
 * The transaction layer (RFC 3261 §17): matches messages to the four transaction state machines, runs their timers
 * on the injected clock and hands the rest to the transaction user. Over a reliable flow (WebSocket) nothing is
 * retransmitted and the wait states of timers D, I, J, K last zero; a flow with `reliable: false` gets the timers of
 * an unreliable transport.
 */
export class TransactionLayer {
  private readonly servers = new Map<string, ServerTransactionBase>();
  private readonly clients = new Map<string, ClientTransactionBase>();
  private readonly context: TransactionContext;
  private readonly via: { host: string; port: number | undefined };
  private closed = false;

  constructor(private readonly options: TransactionLayerOptions) {
    const timerBase = { ...DEFAULT_TIMER_BASE, ...options.timers };
    const report = options.onError ?? ((error: unknown) => console.error('SIP transaction layer:', error));
    this.via = splitHostPort(options.viaHost);
    this.context = {
      clock: options.clock,
      ids: options.ids,
      timerBase,
      timersFor: (flow) => transactionTimers(flowIsReliable(flow, options.reliable ?? true), timerBase),
      callUser: (fn) => {
        try {
          fn();
        } catch (error) {
          report(error);
        }
      },
    };
  }

  /** Feeds one message from a flow. Never throws. */
  receive(flow: Flow, data: string): void {
    if (this.closed) return;
    this.context.callUser(() => {
      const result = parseSipMessage(data);
      if (!result.ok) this.rejectUnparsable(flow, result.error);
      else if (result.message.kind === 'request') this.receiveRequest(result.message, flow);
      else this.receiveResponse(result.message, flow);
    });
  }

  /**
   * Sends `request` in a new client transaction on `flow`. The caller's object is not modified: the transaction's
   * `request` is a copy with our Via (`SIP/2.0/WS[S] <viaHost>;branch=<new>;rport`) on top, unless `keepVia`.
   * Handlers never run inside this call (a flow that refuses the request is reported on the next clock tick).
   * Throws TypeError for an ACK (send those with sendStateless), a request without a CSeq matching its method, or one
   * that cannot be serialised; throws Error after close().
   */
  sendRequest(
    request: SipRequest,
    flow: Flow,
    handlers: ClientTransactionHandlers,
    options: SendRequestOptions = {},
  ): ClientTransaction {
    if (this.closed) throw new Error('The transaction layer is closed');
    if (request.method === 'ACK') throw new TypeError('An ACK is not sent in a transaction; use sendStateless');
    const cseq = getCSeq(request);
    if (cseq === undefined || cseq.method !== request.method) {
      throw new TypeError(`The ${request.method} request needs a CSeq with its method`);
    }
    const copy = copyRequest(request);
    let branch: string | undefined;
    if (options.keepVia) branch = getTopVia(copy)?.branch;
    else {
      branch = this.options.ids.branch();
      prependHeader(copy, 'Via', this.viaValue(flow, branch));
    }
    if (branch === undefined) throw new TypeError('keepVia needs a top Via with a branch');
    const text = serializeSipMessage(copy);
    const id = clientTransactionKey(branch, copy.method);
    if (this.clients.has(id)) throw new Error(`A client transaction ${id} already exists`);

    const onGone = (tx: ClientTransactionBase) => {
      if (this.clients.get(tx.id) === tx) this.clients.delete(tx.id);
    };
    const tx =
      copy.method === 'INVITE'
        ? new InviteClientTransaction(id, copy, flow, text, handlers, this.context, onGone, (cancel, cancelFlow) =>
            this.context.callUser(() => this.sendRequest(cancel, cancelFlow, IGNORE_RESPONSES, { keepVia: true })),
          )
        : new NonInviteClientTransaction(id, copy, flow, text, handlers, this.context, onGone);
    this.clients.set(id, tx);
    tx.start();
    return tx;
  }

  /**
   * Sends a message outside any transaction (a proxied ACK for a 2xx, a stateless forward of a retransmitted 2xx).
   * Returns what the flow returned. Throws TypeError for a message that cannot be serialised.
   */
  sendStateless(message: SipMessage, flow: Flow, options: SendStatelessOptions = {}): boolean {
    let out = message;
    if (options.addVia && message.kind === 'request') {
      out = copyRequest(message);
      prependHeader(out, 'Via', this.viaValue(flow, this.options.ids.branch()));
    }
    return flow.send(serializeSipMessage(out));
  }

  /** The flow went away: its client transactions fail with a transport error, its server transactions terminate. */
  flowClosed(flow: Flow): void {
    for (const tx of [...this.clients.values()]) if (tx.flow === flow) tx.fail('transport-error');
    for (const tx of [...this.servers.values()]) if (tx.flow === flow) tx.terminate('transport-error');
  }

  stats(): { server: number; client: number } {
    return { server: this.servers.size, client: this.clients.size };
  }

  /** Ends every transaction silently (no handler, no onTerminated listener runs) and clears all timers. */
  close(): void {
    this.closed = true;
    for (const tx of [...this.clients.values()]) tx.terminate();
    for (const tx of [...this.servers.values()]) tx.terminate('closed');
  }

  private viaValue(flow: Flow, branch: string): string {
    const transport = this.options.viaTransport ?? (flow.secure ? 'WSS' : 'WS');
    return `SIP/2.0/${transport} ${this.options.viaHost};branch=${branch};rport`;
  }

  /** Answers what the message layer says to answer (§8.2.6, with the problem in a Warning), drops the rest. */
  private rejectUnparsable(flow: Flow, error: ParseError): void {
    const onParseError = this.options.onParseError;
    if (onParseError) this.context.callUser(() => onParseError(flow, error.reason));
    const response = buildErrorResponse(error, { toTag: this.options.ids.tag(), warnAgent: this.options.viaHost });
    if (response !== undefined) flow.send(serializeSipMessage(response));
  }

  private receiveRequest(request: SipRequest, flow: Flow): void {
    const via = getTopVia(request);
    if (via === undefined) return; // The parser requires a well-formed Via; nothing to answer without one.
    const method = request.method === 'ACK' ? 'INVITE' : request.method;
    const id = serverTransactionKey(request, via, method);
    stampReceived(request, flow);
    const existing = this.servers.get(id);
    const user = this.options.user;

    if (request.method === 'ACK') {
      // §17.2.1: the ACK for a non-2xx final belongs to the INVITE server transaction; any other ACK (for a 2xx,
      // which has its own branch) goes to the TU.
      if (existing instanceof InviteServerTransaction) existing.receiveAck();
      else this.context.callUser(() => user.onAck(request, flow));
      return;
    }
    if (existing !== undefined) {
      existing.receiveRetransmission(); // §17.2.3
      return;
    }
    if (request.method === 'CANCEL') {
      this.receiveCancel(request, via, id, flow);
      return;
    }
    const tx =
      request.method === 'INVITE'
        ? new InviteServerTransaction(id, request, flow, 'proceeding', this.context, this.serverGone)
        : new NonInviteServerTransaction(id, request, flow, 'trying', this.context, this.serverGone);
    this.servers.set(id, tx);
    if (tx instanceof InviteServerTransaction) tx.sendTrying();
    if (tx.state === 'terminated') return; // The flow refused the 100 Trying.
    this.context.callUser(() => user.onRequest(tx, request, flow));
  }

  /** §9.2: a CANCEL is its own non-INVITE server transaction; it is answered here, the TU only told. */
  private receiveCancel(cancel: SipRequest, via: Via, id: string, flow: Flow): void {
    const tx = new NonInviteServerTransaction(id, cancel, flow, 'trying', this.context, this.serverGone);
    this.servers.set(id, tx);
    const invite = this.servers.get(serverTransactionKey(cancel, via, 'INVITE'));
    if (!(invite instanceof InviteServerTransaction) || invite.state === 'terminated') {
      tx.respond(481);
      return;
    }
    // The To tag of the 200 should be the one of the INVITE's responses.
    tx.respond(200, undefined, { toTag: invite.responseToTag() });
    if (invite.finalResponseSent) return;
    const user = this.options.user;
    this.context.callUser(() => user.onCancel(invite, cancel));
  }

  private receiveResponse(response: SipResponse, flow: Flow): void {
    const via = getTopVia(response);
    // §18.1.2: a response whose top Via is not ours is discarded.
    if (via === undefined || !this.isOurVia(via)) return;
    const cseq = getCSeq(response);
    const key = via.branch !== undefined && cseq !== undefined ? clientTransactionKey(via.branch, cseq.method) : undefined;
    const tx = key === undefined ? undefined : this.clients.get(key);
    if (tx !== undefined && tx.receiveResponse(response)) return;
    const user = this.options.user;
    this.context.callUser(() => user.onStrayResponse(response, flow));
  }

  private isOurVia(via: Via): boolean {
    return hostsEqual(via.host, this.via.host) && via.port === this.via.port;
  }

  private readonly serverGone = (tx: ServerTransactionBase): void => {
    if (this.servers.get(tx.id) === tx) this.servers.delete(tx.id);
  };
}

function splitHostPort(hostport: string): { host: string; port: number | undefined } {
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(hostport);
  if (match === null) return { host: hostport, port: undefined };
  return { host: match[1] ?? hostport, port: match[2] === undefined ? undefined : Number(match[2]) };
}

function copyRequest(request: SipRequest): SipRequest {
  return { ...request, headers: request.headers.map((header) => ({ ...header })) };
}
