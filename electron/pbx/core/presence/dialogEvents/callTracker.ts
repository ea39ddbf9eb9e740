import type { DialogInfoDialog } from '../../../../../shared/sip/dialogInfo';
import { getCallId, getFrom, getToTag, type Flow, type SipRequest, type SipResponse } from '../../../../sip';
import type { ForwardTarget, ProxyObserver } from '../../proxy/proxyForwarder';

type CallPhase = 'trying' | 'early' | 'confirmed';

interface TrackedCall {
  readonly id: string;
  /** The calling extension (the authenticated From user), or null when it is none of ours. */
  readonly caller: string | null;
  /** The extension called — or the one that picked the call up; '' when it is none of ours (a bot, a device). */
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

/** Calls the PBX answers itself (a bot, the IVR): no proxy sees them, yet their caller is on a call. */
export interface LocalCallObserver {
  /** The service took this INVITE from `callerFlowId`. */
  localCallOffered(request: SipRequest, callerFlowId: string): void;
  localCallAnswered(callId: string): void;
  localCallEnded(callId: string): void;
}

/**
 * The PBX's own view of calls, fed by the proxy (every INVITE transaction and dialog it routes): an out-of-dialog
 * INVITE starts a call between its caller and the extension it was sent to; a provisional response makes it early,
 * a 2xx confirmed; a final error, a BYE, or the caller's (or answering phone's) connection closing ends it
 * (RFC 4235 §3.7 states: trying, early, confirmed, terminated).
 */
export class CallTracker implements ProxyObserver, LocalCallObserver {
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
    this.track(request, callId, from.id);
  }

  responseForwarded(request: SipRequest, response: SipResponse, branchFlow: Flow | null): void {
    if (request.method !== 'INVITE' || getToTag(request) !== undefined) return;
    const callId = getCallId(request) ?? '';
    if (response.status >= 300) this.end(callId);
    else this.advance(callId, response.status >= 200 ? 'confirmed' : 'early', branchFlow?.id ?? null);
  }

  /** A bot or the IVR took the INVITE: the caller's side is tracked like any call (the bot is no extension). */
  localCallOffered(request: SipRequest, callerFlowId: string): void {
    const callId = getCallId(request);
    if (callId !== undefined) this.track(request, callId, callerFlowId);
  }

  localCallAnswered(callId: string): void {
    this.advance(callId, 'confirmed', null);
  }

  localCallEnded(callId: string): void {
    this.end(callId);
  }

  /** A new out-of-dialog INVITE: a call between its caller and the user it was sent to, when either is ours. */
  private track(request: SipRequest, callId: string, callerFlowId: string): void {
    if (request.method !== 'INVITE' || getToTag(request) !== undefined || this.calls.has(callId)) return;
    if (this.calls.size >= (this.options.maxCalls ?? DEFAULT_MAX_CALLS)) return;
    const callee = userOf(request.requestUri);
    const caller = userOf(getFrom(request)?.uri);
    const ours = (user: string) => user !== '' && this.options.isExtension(user);
    if (!ours(caller) && !ours(callee)) return;
    this.calls.set(callId, {
      id: `call-${this.nextId++}`,
      caller: ours(caller) ? caller : null,
      callee: ours(callee) ? callee : '',
      phase: 'trying',
      callerFlowId,
      answeredFlowId: null,
    });
    this.options.onChange([caller, callee].filter(ours));
  }

  /** A provisional answer makes a call early, a 2xx confirmed (answered on `answeredFlowId`); never back. */
  private advance(callId: string, phase: 'early' | 'confirmed', answeredFlowId: string | null): void {
    const call = this.calls.get(callId);
    if (!call || call.phase === 'confirmed' || phase === call.phase) return;
    call.phase = phase;
    if (phase === 'confirmed') call.answeredFlowId = answeredFlowId;
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
