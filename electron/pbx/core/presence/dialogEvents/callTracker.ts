import type { DialogInfoDialog } from '../../../../../shared/sip/dialogInfo';
import { getCallId, getFrom, getToTag, type Flow, type SipRequest, type SipResponse } from '../../../../sip';
import type { ForwardTarget, ProxyObserver } from '../../proxy/proxyForwarder';

type CallPhase = 'trying' | 'early' | 'confirmed';

interface TrackedCall {
  readonly id: string;
  /** The calling extension (the authenticated From user), or null when it is none of ours. */
  readonly caller: string | null;
  /** The extension called — or the one that picked the call up. */
  callee: string;
  phase: CallPhase;
  readonly callerFlowId: string;
  answeredFlowId: string | null;
}

export interface CallTrackerOptions {
  /** Whether a SIP user is an extension of this PBX (only those have dialog state to report). */
  isExtension(user: string): boolean;
  /** The dialog state of these extensions changed. */
  onChange(extensions: readonly string[]): void;
  /** Most calls tracked at once; beyond it new calls are routed but not shown (a flood must not grow memory). */
  maxCalls?: number;
}

const DEFAULT_MAX_CALLS = 20_000;

/**
 * The PBX's own view of calls, fed by the proxy (every INVITE transaction and dialog it routes): an out-of-dialog
 * INVITE starts a call between its caller and the extension it was sent to; a provisional response makes it early,
 * a 2xx confirmed; a final error, a BYE, or the caller's (or answering phone's) connection closing ends it
 * (RFC 4235 §3.7 states: trying, early, confirmed, terminated).
 */
export class CallTracker implements ProxyObserver {
  private readonly calls = new Map<string, TrackedCall>();
  private nextId = 1;

  constructor(private readonly options: CallTrackerOptions) {}

  requestForwarded(request: SipRequest, from: Flow): void {
    const callId = getCallId(request);
    if (callId === undefined) return;
    if (request.method === 'BYE') {
      this.end(callId);
      return;
    }
    if (request.method !== 'INVITE' || getToTag(request) !== undefined || this.calls.has(callId)) return;
    if (this.calls.size >= (this.options.maxCalls ?? DEFAULT_MAX_CALLS)) return;
    const callee = userOf(request.requestUri);
    const caller = userOf(getFrom(request)?.uri);
    const parties = [caller, callee].filter((user) => user !== '' && this.options.isExtension(user));
    if (parties.length === 0) return;
    this.calls.set(callId, {
      id: `call-${this.nextId++}`,
      caller: caller !== '' && this.options.isExtension(caller) ? caller : null,
      callee,
      phase: 'trying',
      callerFlowId: from.id,
      answeredFlowId: null,
    });
    this.options.onChange(parties);
  }

  responseForwarded(request: SipRequest, response: SipResponse, branchFlow: Flow | null): void {
    if (request.method !== 'INVITE' || getToTag(request) !== undefined) return;
    const call = this.calls.get(getCallId(request) ?? '');
    if (!call || call.phase === 'confirmed') return;
    if (response.status >= 300) {
      this.end(getCallId(request) as string);
      return;
    }
    const phase: CallPhase = response.status >= 200 ? 'confirmed' : 'early';
    if (phase === call.phase) return;
    call.phase = phase;
    if (phase === 'confirmed') call.answeredFlowId = branchFlow?.id ?? null;
    this.options.onChange(partiesOf(call));
  }

  /** A connection closed: the calls of the phone that was on it are over. */
  flowClosed(flowId: string): void {
    for (const [callId, call] of this.calls) if (call.callerFlowId === flowId || call.answeredFlowId === flowId) this.end(callId);
  }

  /** The live dialogs of an extension, for its dialog-info document. */
  dialogsOf(extension: string): DialogInfoDialog[] {
    const dialogs: DialogInfoDialog[] = [];
    for (const call of this.calls.values()) {
      const state = call.phase === 'early' ? 'early' : call.phase;
      if (call.caller === extension) dialogs.push({ id: `${call.id}-out`, state, direction: 'initiator' });
      if (call.callee === extension) dialogs.push({ id: `${call.id}-in`, state, direction: 'recipient' });
    }
    return dialogs;
  }

  /** The Call-ID of a call still ringing at `extension` (not yet answered), if any. */
  ringingCallTo(extension: string): string | null {
    for (const [callId, call] of this.calls) if (call.callee === extension && call.phase !== 'confirmed') return callId;
    return null;
  }

  /** `extension` picked the call up: from now on it is the call's recipient (the one it rang at goes idle). */
  pickedUp(callId: string, extension: string): void {
    const call = this.calls.get(callId);
    if (!call || call.callee === extension) return;
    const before = call.callee;
    call.callee = extension;
    this.options.onChange([before, extension]);
  }

  get size(): number {
    return this.calls.size;
  }

  private end(callId: string): void {
    const call = this.calls.get(callId);
    if (!call) return;
    this.calls.delete(callId);
    this.options.onChange(partiesOf(call));
  }
}

function partiesOf(call: TrackedCall): string[] {
  return [call.caller, call.callee].filter((user): user is string => user !== null && user !== '');
}

function userOf(uri: ForwardTarget['uri'] | SipRequest['requestUri'] | undefined): string {
  return uri?.kind === 'sip' ? (uri.user ?? '') : '';
}
