import {
  getCallId,
  getMaxForwards,
  prependHeader,
  setHeader,
  type SipRequest,
  type SipResponse,
  type SipUri,
} from '../../../sip';
import type { ClientTransaction, Clock, Flow, ServerTransaction, TimerHandle, TransactionLayer } from '../../../sip';
import { chooseBestResponse } from './responseSelection';
import type { SelfAddress } from './selfAddress';
import { cloneMessage, stripTopVia } from './viaHeaders';

export interface ForwardTarget {
  uri: SipUri;
  flow: Flow;
}

/** Sees what the proxy forwards — how the PBX knows the state of every call it routes (dialog event package). */
export interface ProxyObserver {
  /** A request went out to these targets (the request as received, before its Request-URI was rewritten). */
  requestForwarded(request: SipRequest, from: Flow, targets: readonly ForwardTarget[]): void;
  /** A response to `request` went upstream; `branchFlow` is the flow of the branch it came from, if any. */
  responseForwarded(request: SipRequest, response: SipResponse, branchFlow: Flow | null): void;
}

export interface ForwardOptions {
  /** Add our Record-Route so the dialog's requests come back through the proxy (§16.6 step 4). */
  recordRoute: boolean;
  /** A provisional (not 100) or final response arrived on the branch sent to `target`. */
  onResponse?(target: ForwardTarget, response: SipResponse): void;
  /** Every branch has its final response: the status the caller was sent (the first 2xx, else the best). */
  onFinished?(status: number): void;
}

/** RFC 3261 §16.6 Timer C: give up on a ringing branch after three minutes without a final response. */
const TIMER_C = 181_000;

interface Branch {
  tx: ClientTransaction | null;
  final: SipResponse | null;
  timerC: TimerHandle | null;
  flow: Flow;
}

/**
 * A stateful, forking proxy (RFC 3261 §16): one context per server transaction, a client transaction per target,
 * responses forwarded upstream with the PBX's Via removed.
 */
export class ProxyForwarder {
  private readonly contexts = new Map<string, ProxyContext>();

  constructor(
    private readonly layer: TransactionLayer,
    private readonly self: SelfAddress,
    private readonly clock: Clock,
    private readonly observer: ProxyObserver | null = null,
  ) {}

  forward(tx: ServerTransaction, request: SipRequest, targets: readonly ForwardTarget[], options: ForwardOptions): void {
    const observer = this.observer;
    const context = new ProxyContext(tx, request, options, this.clock, {
      forwarded: (response, branchFlow) => observer?.responseForwarded(request, response, branchFlow),
      sendLate: (response) => this.layer.sendStateless(response, tx.flow),
      done: (status) => {
        this.contexts.delete(tx.id);
        options.onFinished?.(status);
      },
    });
    this.contexts.set(tx.id, context);
    observer?.requestForwarded(request, tx.flow, targets);
    for (const target of targets) this.branch(context, request, target, options, []);
  }

  /**
   * Directed pickup: the still-unanswered INVITE with this Call-ID gets one more branch per target, each marked with
   * `extraHeaders`; the first 2xx ends the other branches as in any fork (§16.7). False when no such INVITE is pending.
   */
  addBranches(callId: string, targets: readonly ForwardTarget[], extraHeaders: readonly { name: string; value: string }[]): boolean {
    const context = [...this.contexts.values()].find((candidate) => candidate.isRingingInvite(callId));
    if (!context) return false;
    for (const target of targets) this.branch(context, context.request, target, context.options, extraHeaders);
    return targets.length > 0;
  }

  private branch(context: ProxyContext, request: SipRequest, target: ForwardTarget, options: ForwardOptions, extraHeaders: readonly { name: string; value: string }[]): void {
    const outgoing = cloneMessage(request);
    outgoing.requestUri = target.uri;
    setHeader(outgoing, 'Max-Forwards', String((getMaxForwards(request) ?? 70) - 1));
    for (const header of extraHeaders) setHeader(outgoing, header.name, header.value);
    if (options.recordRoute) prependHeader(outgoing, 'Record-Route', this.self.recordRoute(target.flow.secure));
    context.start(target.flow, (handlers) => this.layer.sendRequest(outgoing, target.flow, handlers), (response) => options.onResponse?.(target, response));
  }

  /** The caller's CANCEL reached the INVITE server transaction: cancel every pending branch (§16.10). */
  cancel(tx: ServerTransaction): void {
    const context = this.contexts.get(tx.id);
    if (context) context.cancelAll();
    else tx.respond(487);
  }
}

class ProxyContext {
  private readonly branches: Branch[] = [];
  private answered: number | null = null;
  private finished = false;

  constructor(
    private readonly tx: ServerTransaction,
    readonly request: SipRequest,
    readonly options: ForwardOptions,
    private readonly clock: Clock,
    private readonly hooks: { sendLate(response: SipResponse): void; done(status: number): void; forwarded(response: SipResponse, branchFlow: Flow | null): void },
  ) {}

  isRingingInvite(callId: string): boolean {
    return this.tx.method === 'INVITE' && this.answered === null && !this.finished && getCallId(this.request) === callId;
  }

  start(flow: Flow, send: (handlers: Parameters<TransactionLayer['sendRequest']>[2]) => ClientTransaction, observe: (response: SipResponse) => void): void {
    const branch: Branch = { tx: null, final: null, timerC: null, flow };
    this.branches.push(branch);
    const isInvite = this.tx.method === 'INVITE';
    branch.tx = send({
      onProvisional: (response) => {
        if (isInvite) this.restartTimerC(branch);
        if (response.status === 100) return;
        observe(response);
        const upstream = cloneMessage(response);
        stripTopVia(upstream);
        this.tx.respond(upstream);
        this.hooks.forwarded(upstream, branch.flow);
      },
      onFinal: (response) => {
        observe(response);
        this.onFinal(branch, response);
      },
      onTimeout: () => this.onFinal(branch, synthetic(408, 'Request Timeout')),
      onTransportError: () => this.onFinal(branch, synthetic(480, 'Unreachable')),
    });
    if (isInvite) this.restartTimerC(branch);
  }

  cancelAll(): void {
    for (const branch of this.branches) if (!branch.final) branch.tx?.cancel();
  }

  private onFinal(branch: Branch, response: SipResponse): void {
    if (branch.final) return;
    branch.final = response;
    this.clearTimerC(branch);
    const upstream = cloneMessage(response);
    stripTopVia(upstream);
    if (response.status >= 200 && response.status < 300) {
      // §16.7 step 5: every 2xx goes upstream at once; the first one ends the other branches.
      // A second 2xx (another fork answered too) finds the INVITE transaction ended: it goes statelessly.
      if (!this.tx.respond(upstream) && this.tx.method === 'INVITE') this.hooks.sendLate(upstream);
      this.hooks.forwarded(upstream, branch.flow);
      this.answered ??= response.status;
      for (const other of this.branches) if (other !== branch && !other.final) other.tx?.cancel();
    } else if (response.status >= 600) {
      for (const other of this.branches) if (other !== branch && !other.final) other.tx?.cancel();
    }
    this.finishIfDone();
  }

  private finishIfDone(): void {
    if (this.finished || this.branches.some((branch) => !branch.final)) return;
    this.finished = true;
    let status = this.answered ?? 500;
    if (this.answered === null) {
      const best = chooseBestResponse(this.branches.map((branch) => branch.final as SipResponse));
      if (best) {
        status = best.status;
        const upstream = cloneMessage(best);
        if (best.headers.length > 0) stripTopVia(upstream);
        // §16.7 step 6: a 503 from downstream must not make the caller think this proxy is unavailable.
        if (upstream.status === 503) Object.assign(upstream, { status: 500, reason: 'Server Internal Error' });
        if (best.headers.length === 0) this.tx.respond(best.status, best.reason);
        else this.tx.respond(upstream);
        this.hooks.forwarded(upstream, null);
      }
    }
    this.hooks.done(status);
  }

  private restartTimerC(branch: Branch): void {
    this.clearTimerC(branch);
    branch.timerC = this.clock.setTimeout(() => {
      branch.timerC = null;
      branch.tx?.cancel();
      this.onFinal(branch, synthetic(408, 'No answer'));
    }, TIMER_C);
  }

  private clearTimerC(branch: Branch): void {
    if (branch.timerC) this.clock.clearTimeout(branch.timerC);
    branch.timerC = null;
  }
}

/** A response the proxy makes up for a branch that produced none; it has no headers and is answered by status. */
function synthetic(status: number, reason: string): SipResponse {
  return { kind: 'response', version: 'SIP/2.0', status, reason, headers: [], body: new Uint8Array(0) };
}
