// The transaction layer's public interfaces (RFC 3261 §17): what the transaction user (the PBX core) implements and
// the transactions it is handed.
import type { SipHeader, SipRequest, SipResponse } from '../message';
import type { Flow } from '../flow';

export type ServerTransactionState = 'trying' | 'proceeding' | 'completed' | 'confirmed' | 'terminated';
export type ClientTransactionState = 'calling' | 'trying' | 'proceeding' | 'completed' | 'terminated';

/**
 * Why a server transaction ended: `normal` (final response sent and, for INVITE, the ACK absorbed), `timeout`
 * (Timer H: no ACK for a non-2xx final, §17.2.1), `transport-error` (the flow failed or closed, §17.2.4) or `closed`
 * (never reported: close() ends transactions silently).
 */
export type TerminationReason = 'normal' | 'timeout' | 'transport-error' | 'closed';

export interface TransactionUser {
  /**
   * A new request (not a retransmission, not an ACK, not a CANCEL). The TU answers through `tx`. For INVITE the
   * layer has already sent 100 Trying (it sends it at once rather than after 200 ms, RFC 3261 §17.2.1).
   */
  onRequest(tx: ServerTransaction, request: SipRequest, flow: Flow): void;
  /** An ACK that matched no INVITE server transaction, i.e. the ACK for a 2xx (end-to-end; the TU routes it). */
  onAck(request: SipRequest, flow: Flow): void;
  /**
   * A CANCEL matched INVITE server transaction `tx`, which has not sent a final response yet; the layer has already
   * answered the CANCEL 200 OK (§9.2). The TU should end the INVITE with 487. A CANCEL matching nothing gets 481
   * from the layer; one arriving after the INVITE's final response gets 200 and is not reported.
   */
  onCancel(tx: ServerTransaction, cancel: SipRequest): void;
  /** A response that matched no client transaction (e.g. a retransmitted 2xx for a proxied INVITE, §16.7). */
  onStrayResponse(response: SipResponse, flow: Flow): void;
}

export interface RespondOptions {
  headers?: SipHeader[];
  /** To tag for a response whose request has none; by default one tag is generated per transaction. */
  toTag?: string;
  body?: { contentType: string; text: string };
}

export interface ServerTransaction {
  /** The transaction key (§17.2.3). */
  readonly id: string;
  readonly method: string;
  readonly request: SipRequest;
  readonly flow: Flow;
  readonly state: ServerTransactionState;
  /**
   * Sends a response on the flow the request came in on; with a status it is built with buildResponse (a To tag is
   * added to responses other than 100 when the request has none). Returns false without sending after a final
   * response or once terminated, and false when the flow refused the message (the transaction then terminates).
   * Throws TypeError for a response that cannot be serialised.
   */
  respond(response: SipResponse): boolean;
  respond(status: number, reason?: string, options?: RespondOptions): boolean;
  readonly finalResponseSent: boolean;
  /** Called once, when the transaction terminates (at once if it already has). */
  onTerminated(listener: (reason: TerminationReason) => void): void;
}

export interface ClientTransactionHandlers {
  onProvisional?(response: SipResponse): void;
  onFinal(response: SipResponse): void;
  /** Timer B / Timer F fired (§17.1.1.2, §17.1.2.2); also the transport error fallback. */
  onTimeout(): void;
  /** The flow refused the request or closed (§17.1.4); without this handler onTimeout is called. */
  onTransportError?(): void;
}

export interface ClientTransaction {
  /** The transaction key (§17.1.3). */
  readonly id: string;
  /** The request as sent, with the layer's Via on top. */
  readonly request: SipRequest;
  readonly flow: Flow;
  readonly state: ClientTransactionState;
  /**
   * INVITE only (a no-op for other methods): sends a CANCEL with the same Via branch (§9.1), at once if a
   * provisional response has arrived, else when the first one does; a no-op after a final response or a second
   * time. `reason`, if given, is sent as the Reason header value (RFC 3326), e.g. `SIP;cause=487;text="Hung up"`.
   */
  cancel(reason?: string): void;
}
