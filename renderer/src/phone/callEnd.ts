import JsSIP from 'jssip';
import type { CallDirection } from './callView';
import { describeStatus } from './sipStatusText';

/** JsSIP's end and failure causes (JsSIP.C.causes), the `cause` of its `ended` and `failed` events. */
export const CAUSES = JsSIP.C.causes;

export type NoticeTone = 'info' | 'warning' | 'error';

/** What the display tells the user once a call is over. `fleeting` notices clear themselves after a few seconds. */
export interface CallNotice {
  readonly text: string;
  readonly tone: NoticeTone;
  readonly fleeting?: boolean;
  /** An incoming call nobody answered (it goes into the recent calls as missed). */
  readonly missed?: boolean;
}

/** The parts of JsSIP's `ended` / `failed` event the notice depends on. */
export interface CallEnding {
  readonly kind: 'ended' | 'failed';
  readonly direction: CallDirection;
  readonly originator: string;
  readonly cause: string;
  /** The SIP response that ended the call, when it was a response. */
  readonly response: { readonly statusCode: number; readonly reasonPhrase: string } | null;
  /** `102 Carol Chen`: who the call was with. */
  readonly party: string;
  /** The far end's last caption (an IVR's "Too many wrong PINs — goodbye"), if it sent any. */
  readonly caption?: string | null;
}

export const CALL_ENDED = 'Call ended';
export const NO_SERVICE_CALL = 'No service — the call could not be placed';
export const NO_MICROPHONE = 'No microphone — allow microphone access and try again';
export const NO_AUDIO_PATH = 'The call could not set up audio';

/**
 * The response inside JsSIP's event `message`, when the call ended because of one: an IncomingResponse has a numeric
 * `status_code`; a request (BYE, CANCEL) does not.
 */
export function responseOf(message: unknown): CallEnding['response'] {
  if (typeof message !== 'object' || message === null) return null;
  const { status_code: statusCode, reason_phrase: reasonPhrase } = message as { status_code?: unknown; reason_phrase?: unknown };
  if (typeof statusCode !== 'number') return null;
  return { statusCode, reasonPhrase: typeof reasonPhrase === 'string' ? reasonPhrase.trim() : '' };
}

/** Plain words for a cause when there is no reason phrase to show. */
export function describeCause(cause: string): string {
  switch (cause) {
    case CAUSES.BUSY:
      return 'Busy';
    case CAUSES.REJECTED:
      return 'Call rejected';
    case CAUSES.NOT_FOUND:
      return 'Not found';
    case CAUSES.UNAVAILABLE:
      return 'Not available';
    case CAUSES.ADDRESS_INCOMPLETE:
      return 'Number incomplete';
    case CAUSES.NO_ANSWER:
    case CAUSES.EXPIRES:
      return 'No answer';
    case CAUSES.AUTHENTICATION_ERROR:
      return 'The phone system did not accept this phone’s credentials';
    case CAUSES.REQUEST_TIMEOUT:
      return 'The phone system did not answer';
    case CAUSES.CONNECTION_ERROR:
      return NO_SERVICE_CALL;
    case CAUSES.USER_DENIED_MEDIA_ACCESS:
      return NO_MICROPHONE;
    case CAUSES.WEBRTC_ERROR:
    case CAUSES.INCOMPATIBLE_SDP:
    case CAUSES.MISSING_SDP:
    case CAUSES.BAD_MEDIA_DESCRIPTION:
      return NO_AUDIO_PATH;
    case CAUSES.RTP_TIMEOUT:
      return 'Call dropped: no audio from the other party';
    case CAUSES.NO_ACK:
    case CAUSES.DIALOG_ERROR:
      return 'Call dropped';
    default:
      return cause ? `Call failed: ${cause}` : 'Call failed';
  }
}

/** The reason a failed call shows: the response in plain words (sipStatusText.ts) when there is one, else the cause. */
export function failureReason(ending: Pick<CallEnding, 'cause' | 'response'>): string {
  if (ending.response && ending.response.statusCode >= 300) return describeStatus(ending.response.statusCode, ending.response.reasonPhrase);
  return describeCause(ending.cause);
}

const SYSTEM_FAILURES = new Set<string>([
  CAUSES.CONNECTION_ERROR,
  CAUSES.REQUEST_TIMEOUT,
  CAUSES.INTERNAL_ERROR,
  CAUSES.WEBRTC_ERROR,
  CAUSES.INCOMPATIBLE_SDP,
  CAUSES.MISSING_SDP,
  CAUSES.BAD_MEDIA_DESCRIPTION,
  CAUSES.USER_DENIED_MEDIA_ACCESS,
  CAUSES.RTP_TIMEOUT,
  CAUSES.NO_ACK,
  CAUSES.DIALOG_ERROR,
  CAUSES.AUTHENTICATION_ERROR,
]);

/**
 * What to tell the user when a call is over (null: nothing — the user ended it themselves).
 * - An outgoing call the far end refused shows why: the response's reason phrase ("Busy Here", the PBX's 403 reason).
 * - An incoming call the caller gave up on is a missed call.
 * - An established call the other side hung up says so briefly; a dropped call says why.
 */
export function callEndNotice(ending: CallEnding): CallNotice | null {
  const local = ending.originator === 'local';
  if (ending.kind === 'ended') {
    // An IVR that hangs up after its last word: that word says why better than "Call ended".
    if (ending.cause === CAUSES.BYE) return local ? null : { text: ending.caption || CALL_ENDED, tone: 'info', fleeting: true };
    return { text: describeCause(ending.cause), tone: 'error' };
  }
  if (local && (ending.cause === CAUSES.CANCELED || ending.cause === CAUSES.REJECTED)) return null;
  if (ending.direction === 'incoming') {
    if (ending.cause === CAUSES.CANCELED || ending.cause === CAUSES.NO_ANSWER || ending.cause === CAUSES.EXPIRES) {
      return { text: `Missed call from ${ending.party}`, tone: 'info', missed: true };
    }
    return SYSTEM_FAILURES.has(ending.cause) ? { text: describeCause(ending.cause), tone: 'error' } : null;
  }
  const tone = SYSTEM_FAILURES.has(ending.cause) && !ending.response ? 'error' : 'warning';
  return { text: failureReason(ending), tone };
}
