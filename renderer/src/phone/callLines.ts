import type { CallView } from './callView';

/**
 * The rules for a phone with several calls, as desk phones have them: one call the user is on (the focus: the display
 * and Hold, Mute, Hang up act on it), the others held, and at most one call waiting to be answered. Pure functions over
 * the phone's calls in the order they began.
 */

/** An incoming call that rings while another call is up: it rings softly and waits for Answer or Decline. */
export function isWaiting(call: CallView, calls: readonly CallView[]): boolean {
  return call.phase === 'incoming' && calls.some((other) => other.id !== call.id && other.phase !== 'incoming');
}

export function waitingCall(calls: readonly CallView[]): CallView | null {
  return calls.find((call) => isWaiting(call, calls)) ?? null;
}

/** The call the user is on: the newest one not on hold, else the newest held one; never a waiting call. */
export function focusedCall(calls: readonly CallView[]): CallView | null {
  const candidates = calls.filter((call) => !isWaiting(call, calls));
  return candidates.findLast((call) => !call.held) ?? candidates.at(-1) ?? null;
}

/** The calls besides the focus and the waiting one: each can be swapped to. */
export function backgroundCalls(calls: readonly CallView[]): CallView[] {
  const focus = focusedCall(calls);
  return calls.filter((call) => call !== focus && !isWaiting(call, calls));
}

/**
 * Whether a new incoming call may ring: always on a free phone; during a call only with call waiting on, while that
 * call is the only one and nothing else rings (a third caller hears busy, as on a two-line desk phone).
 */
export function mayRing(calls: readonly CallView[], callWaiting: boolean): boolean {
  if (calls.length === 0) return true;
  return callWaiting && calls.length === 1 && calls[0]?.phase !== 'incoming';
}

/** An attended transfer in progress: the call being transferred (held) and the consultation call to its target. */
export interface ConsultPair {
  readonly original: CallView;
  readonly consult: CallView;
}

export function consultPair(calls: readonly CallView[]): ConsultPair | null {
  for (const consult of calls) {
    const original = consult.consultOf === null ? undefined : calls.find((call) => call.id === consult.consultOf);
    if (original) return { original, consult };
  }
  return null;
}

/** Which call controls apply now: a control that does not apply is not shown at all. */
export interface CallControls {
  /** Answer/Decline for the focused call ringing here. */
  readonly answer: boolean;
  /** Hold/Resume and Mute of the focused call. */
  readonly hold: boolean;
  readonly mute: boolean;
  /** Transfer the focused call (blind, or after calling the target first). */
  readonly transfer: boolean;
  /** Complete an attended transfer (the consultation call is connected); Cancel transfer (any time during it). */
  readonly completeTransfer: boolean;
  readonly cancelTransfer: boolean;
  /** A second caller waiting: Answer (holds the focused call) or Decline. */
  readonly waiting: CallView | null;
  /** "Swap to …" for each held call. */
  readonly swapTo: readonly CallView[];
}

export function callControls(calls: readonly CallView[]): CallControls {
  const focus = focusedCall(calls);
  const pair = consultPair(calls);
  const established = focus?.phase === 'active';
  const swapTo = backgroundCalls(calls).filter((call) => call.phase === 'active');
  return {
    answer: focus?.phase === 'incoming',
    hold: established,
    mute: established && !focus.held,
    transfer: established && !focus.hotDesk && pair === null && swapTo.length === 0 && !focus.transfer?.pending,
    completeTransfer: pair !== null && pair.consult.phase === 'active' && pair.original.phase === 'active',
    cancelTransfer: pair !== null,
    waiting: waitingCall(calls),
    swapTo,
  };
}
