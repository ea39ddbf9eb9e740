/**
 * What the display and the call controls know about the one call the phone has (no call waiting yet). Pure data, built
 * by `callSession.ts` from JsSIP's RTCSession events through the transitions below.
 */
export type CallDirection = 'outgoing' | 'incoming';

/**
 * - `calling`: INVITE sent, nothing heard back yet. `ringing`: the far end alerts (180/183).
 * - `incoming`: ringing here, waiting for Answer/Decline. `answering`: answered, media being set up.
 * - `active`: established (2xx sent or received); the call timer runs from `answeredAt`.
 */
export type CallPhase = 'calling' | 'ringing' | 'incoming' | 'answering' | 'active';

export interface CallView {
  readonly id: string;
  readonly direction: CallDirection;
  readonly phase: CallPhase;
  /** The other party's number (user part), or what was dialled. */
  readonly number: string;
  /** The other party's display name; '' when unknown. */
  readonly name: string;
  /** Epoch ms when the call was answered; null until then. */
  readonly answeredAt: number | null;
  /** We put the call on hold. */
  readonly held: boolean;
  /** The other party put us on hold. */
  readonly remoteHeld: boolean;
  /** Our microphone is muted. */
  readonly muted: boolean;
}

export function newCall(id: string, direction: CallDirection, number: string, name = ''): CallView {
  return {
    id,
    direction,
    phase: direction === 'outgoing' ? 'calling' : 'incoming',
    number,
    name,
    answeredAt: null,
    held: false,
    remoteHeld: false,
    muted: false,
  };
}

/** What happened to a call, as far as the view is concerned. */
export type CallEvent =
  | { type: 'progress' }
  | { type: 'answering' }
  | { type: 'accepted'; at: number }
  | { type: 'hold'; originator: 'local' | 'remote'; on: boolean }
  | { type: 'muted'; on: boolean }
  | { type: 'identified'; number: string; name: string };

export function applyCallEvent(call: CallView, event: CallEvent): CallView {
  switch (event.type) {
    case 'progress':
      return call.phase === 'calling' ? { ...call, phase: 'ringing' } : call;
    case 'answering':
      return call.phase === 'incoming' ? { ...call, phase: 'answering' } : call;
    case 'accepted':
      return call.phase === 'active' ? call : { ...call, phase: 'active', answeredAt: event.at };
    case 'hold':
      return event.originator === 'local' ? { ...call, held: event.on } : { ...call, remoteHeld: event.on };
    case 'muted':
      return { ...call, muted: event.on };
    case 'identified':
      return { ...call, number: event.number || call.number, name: event.name || call.name };
  }
}

/** Calls that can still be answered or declined. */
export function isRinging(call: CallView | null): boolean {
  return call?.phase === 'incoming';
}

/** Calls in which Hold, Mute and DTMF apply. */
export function isEstablished(call: CallView | null): boolean {
  return call?.phase === 'active';
}

/** `102 Carol Chen`, or just the number (or name) when only one is known — the same form as the identity line. */
export function partyLabel(call: Pick<CallView, 'number' | 'name'>): string {
  if (!call.name || call.name === call.number) return call.number || call.name || 'Unknown';
  return call.number ? `${call.number} ${call.name}` : call.name;
}
