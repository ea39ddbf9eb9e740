import type { DeviceIdentity } from '../../../../shared/contracts';
import { DEFAULT_DIAL_CODES } from '../../../../shared/domain/dialCodes';
import type { ConnectionState } from '../../bridge/connection';
import { numberFromUser } from '../../phone/account';
import { partyLabel, type CallView } from '../../phone/callView';
import type { Caption, CaptionTone, DeviceStatus, RegistrationState } from '../../store/types';

export interface DisplayInput {
  readonly status: DeviceStatus;
  readonly error: string | null;
  readonly mac: string | null;
  readonly identity: DeviceIdentity | null;
  readonly caption: Caption | null;
  readonly connection: ConnectionState;
  readonly call?: CallView | null;
  readonly loginCode?: string;
  /** A provisioning problem to mention while idle (the last good document stays in use). */
  readonly provisioningError?: string | null;
  /** A logout the PBX has not confirmed yet (it was unreachable). */
  readonly logoutPending?: boolean;
  /** The registrar refused the credentials: said on the caption line until someone fixes them. */
  readonly registrationProblem?: string | null;
  /** The SIP registration: without it no call, not even an emergency call, can be made. */
  readonly registration?: RegistrationState;
}

/** The call block of the display: who, in what state, and since when the timer runs. */
export interface DisplayCall {
  readonly party: string;
  readonly status: string;
  readonly phase: CallView['phase'];
  /** Epoch ms the call timer counts from; null before the call is answered. */
  readonly answeredAt: number | null;
  /** In a call to a hot-desk code: one dot per PIN digit keyed (the digits themselves are never shown). */
  readonly masked?: string;
}

export interface DisplayModel {
  /** The big line: `HD0001`, `100 Alice Andrews`, or the state the device is in. */
  readonly headline: string;
  /** The caption line under it; may be empty. */
  readonly caption: string;
  readonly tone: CaptionTone;
  readonly call: DisplayCall | null;
}

export const STARTING = 'Starting…';
export const CANNOT_START = 'Cannot start';
export const NOT_PROVISIONED = 'Not provisioned';
export const RECONNECTING = 'Lost the connection to the device host — reconnecting…';
export const FINISHING_LOGOUT = 'Finishing logout… (the phone system is not answering yet)';
export const NO_EMERGENCY_CALLS = 'Emergency calls are not possible from this device right now';
/** One dot per PIN digit. */
export const PIN_DOT = '•';

/**
 * What the display says, from the device's state. Transient captions win over defaults; while the phone has no SIP
 * service (no account, or the PBX unreachable) the caption says first, plainly, that emergency calls cannot be made.
 */
export function describeDisplay(input: DisplayInput): DisplayModel {
  const model = describeState(input);
  const noService = input.registration === 'no-service' || input.registration === 'unregistered';
  if (input.status !== 'ready' || !noService || model.call) return model;
  return { ...model, caption: model.caption ? `${NO_EMERGENCY_CALLS} · ${model.caption}` : NO_EMERGENCY_CALLS, tone: model.tone === 'error' ? 'error' : 'warning' };
}

function describeState(input: DisplayInput): DisplayModel {
  const transient = input.caption;
  const call = input.call ? describeCall(input.call) : null;
  if (input.status === 'failed') {
    const retrying = input.connection === 'open' ? '' : ' — retrying…';
    return { headline: CANNOT_START, caption: `${input.error ?? 'The device host did not answer'}${retrying}`, tone: 'error', call };
  }
  if (input.status === 'starting') {
    return { headline: STARTING, caption: transient?.text ?? '', tone: transient?.tone ?? 'info', call };
  }
  const headline = headlineFor(input.identity);
  if (input.connection === 'closed') return { headline, caption: RECONNECTING, tone: 'warning', call };
  if (input.logoutPending && !call) {
    return { headline, caption: transient ? `${transient.text} · ${FINISHING_LOGOUT}` : FINISHING_LOGOUT, tone: 'warning', call };
  }
  if (transient) return { headline, caption: transient.text, tone: transient.tone, call };
  // During a call the call block says everything, and the far end's IVR its prompt; the idle hints would distract.
  if (call) return { headline, caption: input.call?.transfer?.text ?? input.call?.caption ?? '', tone: 'info', call };
  return { headline, caption: defaultCaption(input), tone: input.registrationProblem ? 'error' : 'info', call };
}

export const CALL_STATUS = {
  calling: 'Calling…',
  ringing: 'Ringing…',
  incoming: 'Incoming call',
  answering: 'Connecting…',
  active: 'Connected',
  held: 'On hold',
  remoteHeld: 'Held by the other party',
  muted: 'Muted',
} as const;

/** The call block: `102 Carol Chen` over `Ringing…`, or over `Connected` / `On hold` / `Muted` with the timer. */
export function describeCall(call: CallView): DisplayCall {
  let status: string = CALL_STATUS[call.phase];
  if (call.phase === 'active') {
    if (call.held) status = CALL_STATUS.held;
    else if (call.remoteHeld) status = CALL_STATUS.remoteHeld;
    else if (call.muted) status = CALL_STATUS.muted;
  }
  const described: DisplayCall = { party: partyLabel(call), status, phase: call.phase, answeredAt: call.phase === 'active' ? call.answeredAt : null };
  return call.hotDesk ? { ...described, masked: PIN_DOT.repeat(call.keyed) } : described;
}

export function headlineFor(identity: DeviceIdentity | null): string {
  switch (identity?.kind) {
    case undefined:
      return NOT_PROVISIONED;
    case 'pool':
      return identity.name;
    case 'user':
      return `${identity.extension} ${identity.name}`.trim();
    case 'account': {
      // `101 Bob Brown`, like a logged-in extension; a URI without a plain user part is shown whole.
      const user = /^sips?:([^@;]+)@/i.exec(identity.uri)?.[1];
      const number = user ? numberFromUser(user) : identity.uri;
      return identity.name ? `${number} ${identity.name}` : number;
    }
  }
}

function defaultCaption(input: DisplayInput): string {
  if (input.registrationProblem) return input.registrationProblem;
  const problem = input.provisioningError ? ` (${input.provisioningError})` : '';
  switch (input.identity?.kind) {
    case undefined:
      return `MAC ${input.mac ?? 'unknown'} — waiting for the administrator${problem}`;
    case 'pool':
      return `Dial ${input.loginCode ?? DEFAULT_DIAL_CODES.login}<ext>* to log in${problem}`;
    default:
      return input.provisioningError ? `Provisioning: ${input.provisioningError}` : '';
  }
}

export const DO_NOT_DISTURB = 'Do not disturb';

/** The status bar's indicators: Do not disturb while on, and the missed calls not looked at yet. */
export function displayIndicators(doNotDisturb: boolean, missedUnseen: number): string[] {
  const indicators = doNotDisturb ? [DO_NOT_DISTURB] : [];
  if (missedUnseen > 0) indicators.push(missedUnseen === 1 ? '1 missed call' : `${missedUnseen} missed calls`);
  return indicators;
}
