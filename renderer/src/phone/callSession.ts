import JsSIP from 'jssip';
import type {
  DTMFOptions,
  EndEvent,
  HoldEvent,
  IncomingEvent,
  IncomingInfoEvent,
  OutgoingInfoEvent,
  MediaStreamTypes,
  OutgoingEvent,
  PeerConnectionEvent,
  ReferEvent,
  RTCSession,
} from 'jssip/lib/RTCSession';
import { callEndNotice, responseOf, type CallNotice } from './callEnd';
import { applyCallEvent, captionFromInfo, newCall, partyLabel, type CallDirection, type CallEvent, type CallView } from './callView';
import { isHotDeskCaption } from '../../../shared/sip/hotDeskCaption';
import { numberFromUser } from './account';
import { DTMF_DURATION_MS, DTMF_GAP_MS, dtmfTransportFor, isDtmfTone } from './dtmf';
import { RINGBACK, type Cadence } from './tones';
import { referProgress, type ReferProgress } from './transfer';

export interface CallSessionDeps {
  readonly now: () => number;
  readonly tones: { play(cadence: Cadence): void; stop(): void };
  readonly remoteAudio: { attach(stream: MediaStream): void; detach(): void };
  readonly onChange: (call: CallView) => void;
  /** The call is over (reported once); `call` is its last view. */
  readonly onEnd: (notice: CallNotice | null, call: CallView) => void;
  /** The other party asks this call to be transferred (an in-dialog REFER, RFC 3515 §2.4.2). */
  readonly onRefer?: (call: CallSession, event: ReferEvent) => void;
  /** An INVITE with Replaces names this call (RFC 3891): the phone decides whether the new call takes its place. */
  readonly onReplaces?: (call: CallSession, event: ReferEvent) => void;
  readonly log: (message: string, detail?: unknown) => void;
}

export interface CallSessionOptions {
  /** A call to a hot-desk code (login IVR, logout): the phone hangs it up itself once the identity changes. */
  readonly hotDesk?: boolean;
  /** A consultation call placed before transferring the call with this id (attended transfer). */
  readonly consultOf?: string | null;
}

/** What an answer or a call asks of the browser's media: the settings' microphone (if any), no video. */
export function mediaConstraintsFor(inputDeviceId: string | null): MediaStreamConstraints {
  // `ideal`, not `exact`: an unplugged headset falls back to the default microphone instead of failing the call.
  return { audio: inputDeviceId ? { deviceId: { ideal: inputDeviceId } } : true, video: false };
}

/** Declining rings off with 486 Busy Here, as desk phones do: the caller hears busy and sees why. */
export const DECLINE = { status_code: 486, reason_phrase: 'Busy Here' } as const;

/**
 * One call: wraps a JsSIP RTCSession, keeps its CallView up to date from the session's events, drives the ring and
 * ringback tones and the remote audio, and reports the end once. Components never see this; the SIP phone does.
 */
export class CallSession {
  private view: CallView;
  private finished = false;
  /** Set once this call was transferred: its end says where it went rather than "Call ended". */
  private transferredTo: string | null = null;

  constructor(
    readonly session: RTCSession,
    direction: CallDirection,
    number: string,
    name: string,
    private readonly deps: CallSessionDeps,
    options: CallSessionOptions = {},
  ) {
    this.view = newCall(session.id, direction, number, name, options.hotDesk ?? false, options.consultOf ?? null);
    this.wire();
  }

  get call(): CallView {
    return this.view;
  }

  get isOver(): boolean {
    return this.finished;
  }

  answer(mediaConstraints: MediaStreamConstraints): void {
    if (this.view.phase !== 'incoming') return;
    this.deps.tones.stop();
    this.update({ type: 'answering' });
    try {
      this.session.answer({ mediaConstraints });
    } catch (error) {
      // The caller gave up at this very moment: the session's own `failed` event ends the call.
      this.deps.log('answer failed', error);
    }
  }

  decline(): void {
    if (this.view.phase !== 'incoming') return;
    this.terminate(DECLINE);
  }

  /** Hang up: BYE when established, CANCEL while calling, decline while ringing here. */
  hangUp(): void {
    this.terminate(this.view.phase === 'incoming' ? DECLINE : {});
  }

  setHold(held: boolean): boolean {
    if (this.view.phase !== 'active') return false;
    return held ? this.session.hold() : this.session.unhold();
  }

  setMute(muted: boolean): void {
    if (this.view.phase !== 'active') return;
    if (muted) this.session.mute({ audio: true });
    else this.session.unmute({ audio: true });
  }

  sendDtmf(tone: string): void {
    if (this.view.phase !== 'active' || !isDtmfTone(tone)) return;
    const transportType = dtmfTransportFor(this.session.connection) as DTMFOptions['transportType'];
    try {
      this.session.sendDTMF(tone, { transportType, duration: DTMF_DURATION_MS, interToneGap: DTMF_GAP_MS });
    } catch (error) {
      // Never log a hot-desk call's tone: it is a PIN digit.
      this.deps.log(this.view.hotDesk ? 'cannot send a PIN digit' : `cannot send DTMF ${tone}`, error);
      return;
    }
    this.update({ type: 'keyed', tone });
  }

  /**
   * Asks the other party to call `target` (REFER, RFC 3515), with `replaces` for an attended transfer (RFC 3891).
   * The NOTIFYs' progress shows on this call; once the target answers, `onDone` runs (the transferor hangs up).
   */
  transfer(target: string, label: string, onDone: () => void, replaces?: CallSession): boolean {
    if (this.view.phase !== 'active' || this.view.transfer?.pending) return false;
    const report = (progress: ReferProgress) => {
      this.update({ type: 'transfer', transfer: progress.transfer });
      if (progress.done) onDone();
    };
    try {
      this.session.refer(target, { eventHandlers: referProgress(label, report), ...(replaces ? { replaces: replaces.session } : {}) });
    } catch (error) {
      this.deps.log('cannot transfer the call', error);
      return false;
    }
    report({ transfer: { text: `Transferring to ${label}…`, pending: true }, done: false });
    return true;
  }

  /** The call was transferred: when it ends it says so, whoever hangs up. */
  markTransferred(label: string): void {
    this.transferredTo = label;
  }

  private terminate(options: { status_code?: number; reason_phrase?: string }): void {
    if (this.finished) return;
    try {
      this.session.terminate(options);
    } catch (error) {
      // Already terminating (e.g. the far end hung up at the same moment): its own event ends the call.
      this.deps.log('terminate failed', error);
    }
  }

  private wire(): void {
    const { session } = this;
    if (session.connection) this.watchTracks(session.connection);
    session.on('peerconnection', (event: PeerConnectionEvent) => this.watchTracks(event.peerconnection));
    session.on('progress', (event: IncomingEvent | OutgoingEvent) => {
      if (event.originator !== 'remote') return;
      const { response } = event as OutgoingEvent;
      this.identifyFrom(response);
      this.update({ type: 'progress' });
      // A 180 without SDP: the far end rings and we play ringback. 183 with SDP: its early media is the tone.
      if (response?.body) this.deps.tones.stop();
      else this.deps.tones.play(RINGBACK);
    });
    session.on('accepted', (event: IncomingEvent | OutgoingEvent) => {
      this.deps.tones.stop();
      if (event.originator === 'remote') this.identifyFrom((event as OutgoingEvent).response);
      this.update({ type: 'accepted', at: this.deps.now() });
    });
    session.on('hold', (event: HoldEvent) => this.update({ type: 'hold', originator: holdSide(event), on: true }));
    session.on('unhold', (event: HoldEvent) => this.update({ type: 'hold', originator: holdSide(event), on: false }));
    session.on('muted', (event: MediaStreamTypes) => {
      if (event.audio) this.update({ type: 'muted', on: true });
    });
    session.on('unmuted', (event: MediaStreamTypes) => {
      if (event.audio) this.update({ type: 'muted', on: false });
    });
    session.on('ended', (event: EndEvent) => this.finish('ended', event));
    session.on('failed', (event: EndEvent) => this.finish('failed', event));
    session.on('newInfo', (event: InfoEvent) => {
      const caption = event.originator === 'remote' ? captionOf(event) : null;
      if (caption) this.update({ type: 'caption', text: caption });
    });
    // JsSIP leaves a REFER or an INVITE with Replaces unanswered until someone accepts or rejects it.
    session.on('refer', (event: ReferEvent) => (this.deps.onRefer ? this.deps.onRefer(this, event) : event.reject()));
    session.on('replaces', (event: ReferEvent) => (this.deps.onReplaces ? this.deps.onReplaces(this, event) : event.reject()));
    session.on('getusermediafailed', (error: unknown) => this.deps.log('no microphone for the call', error));
    session.on('peerconnection:setremotedescriptionfailed', (error: unknown) => this.deps.log('the remote SDP was refused', error));
  }

  private watchTracks(peer: RTCPeerConnection): void {
    peer.addEventListener('track', (event: RTCTrackEvent) => {
      if (event.track.kind !== 'audio') return;
      this.deps.remoteAudio.attach(event.streams[0] ?? new MediaStream([event.track]));
    });
  }

  /** RFC 3325 P-Asserted-Identity on a response names who answered (e.g. a bot's name); absent on most PBXs. */
  private identifyFrom(response: OutgoingEvent['response'] | undefined): void {
    const asserted = response?.getHeader('P-Asserted-Identity');
    if (!asserted) return;
    const parsed = JsSIP.NameAddrHeader.parse(asserted);
    if (!parsed) return;
    this.update({ type: 'identified', number: numberFromUser(parsed.uri.user), name: parsed.display_name ?? '' });
  }

  private update(event: CallEvent): void {
    if (this.finished) return;
    const next = applyCallEvent(this.view, event);
    if (next === this.view) return;
    this.view = next;
    this.deps.onChange(next);
  }

  private finish(kind: 'ended' | 'failed', event: EndEvent): void {
    if (this.finished) return;
    this.finished = true;
    this.deps.tones.stop();
    this.deps.remoteAudio.detach();
    if (this.transferredTo !== null) {
      this.deps.onEnd({ text: `Transferred to ${this.transferredTo}`, tone: 'info', fleeting: true }, this.view);
      return;
    }
    const notice = callEndNotice({
      kind,
      direction: this.view.direction,
      originator: String(event.originator),
      cause: String(event.cause ?? ''),
      response: responseOf(event.message),
      party: partyLabel(this.view),
      caption: this.view.caption,
    });
    this.deps.onEnd(notice, this.view);
  }
}

type InfoEvent = IncomingInfoEvent | OutgoingInfoEvent;

/** An IVR caption (an INFO with Info-Package hotdesk-caption, text/plain), or null for any other INFO. */
function captionOf(event: InfoEvent): string | null {
  const infoPackage = (event as IncomingInfoEvent).request?.getHeader?.('Info-Package');
  if (!isHotDeskCaption(infoPackage, event.info?.contentType) || typeof event.info.body !== 'string') return null;
  return captionFromInfo(event.info.body) || null;
}

function holdSide(event: HoldEvent): 'local' | 'remote' {
  return event.originator === 'local' ? 'local' : 'remote';
}
