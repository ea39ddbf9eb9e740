import { HOTDESK_CAPTION_MAX_LENGTH } from '../../../shared/sip/hotDeskCaption';

/**
 * What the display and the call controls know about one of the phone's calls (see `callLines.ts` for how several
 * relate). Pure data, built by `callSession.ts` from JsSIP's RTCSession events through the transitions below.
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
  /** A call to a hot-desk code (login IVR, logout): keys typed in it are a PIN, never shown. */
  readonly hotDesk: boolean;
  /** What the far end's IVR says right now (its INFO captions); null before the first. */
  readonly caption: string | null;
  /** In a hot-desk call: how many PIN digits were keyed since the last prompt or `#` (shown as dots). */
  readonly keyed: number;
  /** A call placed to consult before transferring: the id of the call it would be transferred to; null otherwise. */
  readonly consultOf: string | null;
  /** How transferring this call goes (`Transferring to 103 — Ringing`, `pending` until it ended); null when never. */
  readonly transfer: TransferStatus | null;
}

export interface TransferStatus {
  readonly text: string;
  /** Waiting for the outcome; false once the transfer failed (the call stays, and can be transferred again). */
  readonly pending: boolean;
}

export function newCall(id: string, direction: CallDirection, number: string, name = '', hotDesk = false, consultOf: string | null = null): CallView {
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
    hotDesk,
    caption: null,
    keyed: 0,
    consultOf,
    transfer: null,
  };
}

/** What happened to a call, as far as the view is concerned. */
export type CallEvent =
  | { type: 'progress' }
  | { type: 'answering' }
  | { type: 'accepted'; at: number }
  | { type: 'hold'; originator: 'local' | 'remote'; on: boolean }
  | { type: 'muted'; on: boolean }
  | { type: 'identified'; number: string; name: string }
  | { type: 'caption'; text: string }
  | { type: 'keyed'; tone: string }
  | { type: 'transfer'; transfer: TransferStatus };

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
    case 'caption':
      // A new prompt asks afresh ("Wrong PIN — try again"): the dots start over.
      return { ...call, caption: event.text, keyed: 0 };
    case 'keyed':
      if (!call.hotDesk) return call;
      return { ...call, keyed: event.tone === '#' ? 0 : call.keyed + 1 };
    case 'transfer':
      return { ...call, transfer: event.transfer };
  }
}

/**
 * An INFO body as a one-line caption: control and format characters (line breaks, bidi overrides) become spaces,
 * runs of spaces one, trimmed and capped.
 */
export function captionFromInfo(body: string): string {
  return body.replace(/[\p{Cc}\p{Cf}\s]+/gu, ' ').trim().slice(0, HOTDESK_CAPTION_MAX_LENGTH);
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
