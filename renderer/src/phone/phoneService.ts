import type { Settings } from '../../../shared/contracts';
import type { BlfState } from '../../../shared/domain/blfLayout';
import type { DialIntent } from '../../../shared/domain/dialString';
import type { CallNotice } from './callEnd';
import type { CallView } from './callView';
import type { RegistrationState } from './registration';

export type AudioDevices = Settings['audio'];

/** Where the phone rings and how loud it rings and plays the call (volumes in percent); from the settings. */
export type SoundSettings = Pick<Settings, 'ringerDeviceId' | 'ringVolume' | 'callVolume'>;

/** How the phone reports to the store: SIP events turned into store actions. */
export interface PhoneListener {
  /** `problem`: what the display says about a `refused` registration (with the status); null otherwise. */
  registrationChanged(state: RegistrationState, problem?: string | null): void;
  /** The calls changed: all of them, in the order they began (empty: on hook). See `callLines.ts` for their rules. */
  callsChanged(calls: readonly CallView[]): void;
  /** A call is over (it has left `callsChanged` already); the notice says why, when the user did not end it. */
  callEnded(call: CallView, notice: CallNotice | null): void;
  /** A caller was answered 486 by this phone itself (call waiting off, no line free, Do not disturb): a missed call. */
  missedWhileBusy(call: CallView): void;
  /** A monitored extension's BLF lamp changed (dialog event package). */
  blfStateChanged(extension: string, state: BlfState): void;
}

/** What the UI asks of the phone. The store decides *whether* to dial; this decides *how*. */
export interface PhoneService {
  /** Starts reporting to the listener; returns a stop function that also shuts the phone down. */
  start(listener: PhoneListener): () => void;
  /** The device (or its identity) may have changed: re-read the SIP account and re-register if it differs. */
  refreshAccount(): void;
  /** Microphone and speaker from the settings. */
  setAudioDevices(audio: AudioDevices): void;
  /** Ringer device and volumes from the settings. */
  setSound(sound: SoundSettings): void;
  /** Places a call for an intent the dial policy allowed; rejects with a message fit for the display. */
  dial(intent: DialIntent): Promise<void>;
  /** Ends, cancels or declines the focused call, if any. */
  hangUp(): Promise<void>;
  /** Answers the call ringing here; the focused call, if any, goes on hold first. */
  answer(): Promise<void>;
  /** Declines the call ringing here. */
  decline(): Promise<void>;
  /** Holds or resumes the focused call. */
  setHold(held: boolean): Promise<void>;
  setMute(muted: boolean): void;
  /** Sends one DTMF tone in the focused, established call. */
  sendDtmf(tone: string): void;
  /** Holds the focused call and resumes the call with this id. */
  swapTo(callId: string): Promise<void>;
  /** Blind transfer: asks the focused call's other party to call this intent's number (REFER). */
  transfer(intent: DialIntent): Promise<void>;
  /** Attended transfer, first step: holds the focused call and calls the target. */
  consult(intent: DialIntent): Promise<void>;
  /** Joins the held call and the consultation call (REFER with Replaces). */
  completeTransfer(): Promise<void>;
  /** Ends the consultation call and returns to the held call. */
  cancelTransfer(): Promise<void>;
  /** The device's call waiting option: off, a caller during a call hears busy (and is reported as missed). */
  setCallWaiting(on: boolean): void;
  /** Do not disturb: incoming calls are answered 486 and reported as missed; emergency callbacks still ring. */
  setDoNotDisturb(on: boolean): void;
  /** Watches these extensions' call state for the BLF keys (replacing the previous list; empty: none). */
  monitor(extensions: readonly string[]): void;
}

export const NO_SIP_SERVICE = 'No SIP service yet';

/** A phone that cannot place calls and says so plainly (e.g. for tests, or a host without SIP). */
export function createUnavailablePhoneService(): PhoneService {
  return {
    start: () => () => undefined,
    refreshAccount: () => undefined,
    setAudioDevices: () => undefined,
    setSound: () => undefined,
    dial: () => Promise.reject(new Error(NO_SIP_SERVICE)),
    hangUp: () => Promise.resolve(),
    answer: () => Promise.resolve(),
    decline: () => Promise.resolve(),
    setHold: () => Promise.resolve(),
    setMute: () => undefined,
    sendDtmf: () => undefined,
    swapTo: () => Promise.resolve(),
    transfer: () => Promise.reject(new Error(NO_SIP_SERVICE)),
    consult: () => Promise.reject(new Error(NO_SIP_SERVICE)),
    completeTransfer: () => Promise.resolve(),
    cancelTransfer: () => Promise.resolve(),
    setCallWaiting: () => undefined,
    monitor: () => undefined,
    setDoNotDisturb: () => undefined,
  };
}
