import type { ReferEvent, RTCSession } from 'jssip/lib/RTCSession';
import type { DialIntent } from '../../../shared/domain/dialString';
import { numberFromUser } from './account';
import type { CallNotice } from './callEnd';
import { consultPair, mayRing } from './callLines';
import { CallList } from './callList';
import { CallSession, type CallSessionDeps } from './callSession';
import { newCall, partyLabel, type CallView } from './callView';
import type { PhoneListener } from './phoneService';
import { mayFollowRefer, type ReferTarget } from './transfer';

export const ONE_CALL_AT_A_TIME = 'Hang up first — this phone takes one call at a time';
export const NOTHING_TO_TRANSFER = 'There is no connected call to transfer';

export interface PhoneCallsDeps {
  readonly now: () => number;
  readonly tones: CallSessionDeps['tones'];
  readonly remoteAudio: CallSessionDeps['remoteAudio'];
  readonly log: (message: string, detail?: unknown) => void;
  readonly listener: () => PhoneListener;
  /** What an answer or a call asks of the browser's media (the settings' microphone). */
  readonly media: () => MediaStreamConstraints;
  /** The SIP domain of the registered account; null without one. */
  readonly domain: () => string | null;
  /** Places a call to a dial string through the user agent (JsSIP announces its session to `adopt`). */
  readonly place: (dialString: string) => void;
  /** The last call is over. */
  readonly idle: () => void;
}

/** What a new session is, as far as the phone is concerned. */
interface Placing {
  readonly intent: DialIntent;
  readonly consultOf: string | null;
}

/**
 * The phone's calls and what the user does with them: answer, hold, swap, transfer, call waiting. The SIP phone hands
 * it every session JsSIP announces; the rules for several calls are `callLines.ts`'s.
 */
export class PhoneCalls {
  private readonly list: CallList;
  private callWaiting = true;
  private placing: Placing | null = null;
  /** The call an INVITE with Replaces is taking over, while JsSIP announces the new session. */
  private replacing: CallSession | null = null;
  /** Calls to resume when another ends: the held call of a consultation, the call a transfer was following. */
  private readonly resumeAfter = new Map<string, CallSession>();

  constructor(private readonly deps: PhoneCallsDeps) {
    this.list = new CallList({ tones: deps.tones, remoteAudio: deps.remoteAudio, report: (calls) => deps.listener().callsChanged(calls) });
  }

  get isEmpty(): boolean {
    return this.list.isEmpty;
  }

  get sessions(): CallSession[] {
    return this.list.sessions;
  }

  setCallWaiting(on: boolean): void {
    this.callWaiting = on;
  }

  /** Places a call for `intent`; `consultOf` makes it the consultation call of an attended transfer. */
  place(intent: DialIntent, consultOf: string | null = null): void {
    this.placing = { intent, consultOf };
    try {
      this.deps.place(intent.dialString);
    } finally {
      this.placing = null;
    }
  }

  /** A session this phone started: a dialled call, a consultation, or the call a REFER asked for. */
  adoptOutgoing(session: RTCSession, hotDesk: (intent: DialIntent) => boolean): void {
    const placing = this.placing;
    const number = placing?.intent.dialString ?? numberFromUser(session.remote_identity?.uri?.user);
    this.adopt(new CallSession(session, 'outgoing', number, '', this.sessionDeps(session.id), { hotDesk: placing ? hotDesk(placing.intent) : false, consultOf: placing?.consultOf ?? null }));
  }

  /** A session someone else started: rings, waits, replaces a call, or is answered busy. Returns the call, if any. */
  adoptIncoming(session: RTCSession): CallSession | null {
    const remote = session.remote_identity;
    const number = numberFromUser(remote?.uri?.user);
    const name = remote?.display_name ?? '';
    const replaced = this.replacing;
    this.replacing = null;
    if (!replaced && !mayRing(this.list.views, this.callWaiting)) {
      rejectBusy(session, this.deps.log);
      this.deps.listener().missedWhileBusy(newCall(session.id, 'incoming', number, name));
      return null;
    }
    const call = new CallSession(session, 'incoming', number, name, this.sessionDeps(session.id));
    // The call it replaces ends once this one is confirmed (JsSIP hangs it up): no ringing in between.
    if (replaced) call.answer(this.deps.media());
    this.adopt(call);
    return call;
  }

  hangUp(): void {
    this.list.focused?.hangUp();
  }

  answer(): void {
    const ringing = this.list.ringingHere;
    if (!ringing) return;
    this.holdFocused();
    ringing.answer(this.deps.media());
  }

  decline(): void {
    this.list.ringingHere?.decline();
  }

  setHold(held: boolean): boolean {
    const focused = this.list.focused;
    return focused ? focused.setHold(held) : true;
  }

  setMute(muted: boolean): void {
    this.list.focused?.setMute(muted);
  }

  sendDtmf(tone: string): void {
    this.list.focused?.sendDtmf(tone);
  }

  swapTo(callId: string): boolean {
    const target = this.list.find(callId);
    if (!target || target === this.list.focused) return false;
    this.holdFocused();
    return target.setHold(false);
  }

  /** Blind transfer of the focused call to `target` (a SIP URI); `label` is what the display calls the target. */
  transfer(target: string, label: string): boolean {
    const call = this.list.focused;
    if (!call || call.call.phase !== 'active') throw new Error(NOTHING_TO_TRANSFER);
    return call.transfer(target, label, () => this.transferred(label, call));
  }

  /**
   * An emergency call while there are others: the focused call goes on hold (the others are held already) and the
   * emergency number is dialled beside them — nothing may stand between a caller and the emergency service.
   */
  placeOverOthers(intent: DialIntent): void {
    this.holdFocused();
    this.place(intent);
  }

  /** The consultation call: the focused call goes on hold, then `intent` is dialled, linked to it. */
  consult(intent: DialIntent): void {
    const original = this.list.focused;
    if (!original || original.call.phase !== 'active' || this.list.sessions.length > 1) throw new Error(NOTHING_TO_TRANSFER);
    this.holdFocused();
    this.place(intent, original.call.id);
  }

  completeTransfer(): boolean {
    const pair = this.consultSessions();
    if (!pair) return false;
    const { original, consult } = pair;
    const target = consult.session.remote_identity?.uri?.toString();
    if (!target) return false;
    const label = partyLabel(consult.call);
    return original.transfer(target, label, () => this.transferred(label, original, consult), consult);
  }

  cancelTransfer(): void {
    this.consultSessions()?.consult.hangUp();
  }

  private consultSessions(): { original: CallSession; consult: CallSession } | null {
    const pair = consultPair(this.list.views);
    const original = this.list.find(pair?.original.id);
    const consult = this.list.find(pair?.consult.id);
    return original && consult ? { original, consult } : null;
  }

  /** The target answered: this phone's part is done (RFC 5589 §6): it hangs up, and the calls say where they went. */
  private transferred(label: string, original: CallSession, consult?: CallSession): void {
    original.markTransferred(label);
    consult?.markTransferred(label);
    original.hangUp();
  }

  private holdFocused(): void {
    const focused = this.list.focused;
    if (focused?.call.phase === 'active' && !focused.call.held) focused.setHold(true);
  }

  /**
   * The other party asks this call to be transferred (we are the transferee): only to a user of our own domain and
   * while the call is established. The call goes on hold while the new one is placed, and comes back if that fails.
   */
  private onRefer(call: CallSession, event: ReferEvent): void {
    const target = (event.request as { refer_to?: { uri?: ReferTarget } }).refer_to?.uri;
    const domain = this.deps.domain();
    if (!target || domain === null || call.call.phase !== 'active' || !mayFollowRefer(target, domain)) {
      event.reject();
      return;
    }
    call.setHold(true);
    let placed: RTCSession | null = null;
    const options = { mediaConstraints: this.deps.media(), rtcOfferConstraints: { offerToReceiveAudio: true, offerToReceiveVideo: false } };
    event.accept((session: RTCSession) => (placed = session), options);
    const following = this.list.sessions.find((session) => session.session === placed);
    if (following) this.resumeAfter.set(following.call.id, call);
  }

  /** An INVITE with Replaces for an established call (we are the transfer target): the new call takes its place. */
  private onReplaces(call: CallSession, event: ReferEvent): void {
    if (call.call.phase !== 'active') {
      event.reject();
      return;
    }
    this.replacing = call;
    try {
      event.accept();
    } finally {
      this.replacing = null;
    }
  }

  private adopt(call: CallSession): void {
    this.list.add(call);
    if (call.call.consultOf !== null) {
      const original = this.list.find(call.call.consultOf);
      if (original) this.resumeAfter.set(call.call.id, original);
    }
  }

  private ended(call: CallView, notice: CallNotice | null): void {
    this.list.remove(call.id);
    const resume = this.resumeAfter.get(call.id);
    this.resumeAfter.delete(call.id);
    if (resume && !resume.isOver && resume.call.held) resume.setHold(false);
    this.deps.listener().callEnded(call, notice);
    if (this.list.isEmpty) this.deps.idle();
  }

  private sessionDeps(id: string): CallSessionDeps {
    return {
      now: this.deps.now,
      tones: this.deps.tones,
      remoteAudio: this.list.audioFor(id),
      log: this.deps.log,
      onChange: () => this.list.changed(),
      onEnd: (notice, call) => this.ended(call, notice),
      onRefer: (call, event) => this.onRefer(call, event),
      onReplaces: (call, event) => this.onReplaces(call, event),
    };
  }
}

/** Answers an incoming call `486` itself (RFC 3261 §21.4.24), with `reason` as the phrase. */
export function rejectBusy(session: RTCSession, log: (message: string, detail?: unknown) => void, reason = 'Busy Here'): void {
  try {
    session.terminate({ status_code: 486, reason_phrase: reason });
  } catch (error) {
    log(`cannot refuse a call (${reason})`, error);
  }
}
