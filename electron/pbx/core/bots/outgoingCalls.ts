import { DialogSet, type Flow, type ServerTransaction, type SipHeader, type SipRequest, type SipUri } from '../../../sip';
import type { MediaEndpoint } from '../../media';
import type { LocalService } from '../localService';
import type { AnsweringOptions } from './answeringService';
import { UacCall, type UacOutcome } from './uacCall';

/** How long a call the PBX places may ring before it is cancelled. */
const RING_TIMEOUT_MS = 60_000;

/**
 * What a service answering calls has, but prompts (what plays on an outgoing call comes with the call) and the BLF
 * call observer (a callback is not shown on lamps).
 */
export interface OutgoingCallsOptions extends Omit<AnsweringOptions, 'prompts' | 'calls'> {
  ringTimeoutMs?: number;
}

export interface OutgoingCall {
  /** The connection the callee's phone registered over, and the Contact it registered. */
  flow: Flow;
  target: SipUri;
  /** The address-of-record the phone registered as (the To user). */
  to: string;
  caller: { user: string; displayName: string };
  headers: readonly SipHeader[];
  /** The callee answered: what plays on the call starts here; the returned function stops it when the call ends. */
  onAnswered(call: UacCall, endpoint: MediaEndpoint): () => void;
}

/**
 * Calls the PBX places itself, from its media side (the emergency operator's callback): each call with what plays on
 * it, found again by dialog (the callee's BYE, re-INVITE, ACK) or by flow (the connection closed).
 */
export class OutgoingCalls implements LocalService {
  private readonly calls = new Map<UacCall, { stop: () => void }>();
  private readonly dialogs = new DialogSet();

  constructor(private readonly options: OutgoingCallsOptions) {}

  get activeCalls(): number {
    return this.calls.size;
  }

  /** Places the call; resolves once it was answered (and what plays started) or failed. */
  async place(outgoing: OutgoingCall): Promise<UacOutcome> {
    const { layer, clock, ids, viaHost, domain, mediaAddress } = this.options;
    const entry = { stop: () => {} };
    const call = new UacCall({
      layer, clock, ids, viaHost, domain, mediaAddress,
      flow: outgoing.flow,
      target: outgoing.target,
      to: outgoing.to,
      caller: outgoing.caller,
      headers: outgoing.headers,
      ringTimeoutMs: this.options.ringTimeoutMs ?? RING_TIMEOUT_MS,
      onEnded: (ended) => this.forget(ended),
    });
    this.calls.set(call, entry);
    const outcome = await call.start();
    if (outcome.kind !== 'answered') return outcome;
    if (!this.calls.has(call) || !call.dialog) return { kind: 'failed', status: 0, reason: 'The call ended as it was answered' };
    this.dialogs.add(call.dialog);
    entry.stop = outgoing.onAnswered(call, outcome.endpoint);
    return outcome;
  }

  handleRequest(): boolean {
    return false;
  }

  handleInDialog(tx: ServerTransaction, request: SipRequest, flow: Flow): boolean {
    const call = this.callFor(request, flow);
    if (!call) return false;
    call.handleInDialog(tx, request);
    return true;
  }

  handleAck(request: SipRequest, flow: Flow): boolean {
    const call = this.callFor(request, flow);
    return call ? call.receiveAck(request) || true : false;
  }

  handleCancel(): boolean {
    return false;
  }

  flowClosed(flowId: string): void {
    for (const call of [...this.calls.keys()]) if (call.flowId === flowId) call.end();
  }

  close(): void {
    for (const call of [...this.calls.keys()]) call.hangUp();
  }

  private forget(call: UacCall): void {
    this.calls.get(call)?.stop();
    this.calls.delete(call);
    if (call.dialog) this.dialogs.remove(call.dialog);
  }

  /** The call `request` belongs to — only over the callee's own flow, so no one else can end it. */
  private callFor(request: SipRequest, flow: Flow): UacCall | undefined {
    const dialog = this.dialogs.find(request);
    if (!dialog) return undefined;
    return [...this.calls.keys()].find((call) => call.dialog === dialog && call.flowId === flow.id);
  }
}
