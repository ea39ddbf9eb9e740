import type { Settings } from '../../../shared/contracts';
import type { BlfState } from '../../../shared/domain/blfLayout';
import type { DialIntent } from '../../../shared/domain/dialString';
import type { CallNotice } from './callEnd';
import type { CallView } from './callView';
import type { RegistrationState } from './registration';

export type AudioDevices = Settings['audio'];

/** How the phone reports to the store: SIP events turned into store actions. */
export interface PhoneListener {
  registrationChanged(state: RegistrationState): void;
  /** The one call changed (null: no call any more). */
  callChanged(call: CallView | null): void;
  /** A call is over; the notice says why, when the user did not end it themselves. */
  callEnded(notice: CallNotice | null): void;
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
  /** Places a call for an intent the dial policy allowed; rejects with a message fit for the display. */
  dial(intent: DialIntent): Promise<void>;
  /** Ends, cancels or declines the current call, if any. */
  hangUp(): Promise<void>;
  answer(): Promise<void>;
  decline(): Promise<void>;
  setHold(held: boolean): Promise<void>;
  setMute(muted: boolean): void;
  /** Sends one DTMF tone in the established call. */
  sendDtmf(tone: string): void;
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
    dial: () => Promise.reject(new Error(NO_SIP_SERVICE)),
    hangUp: () => Promise.resolve(),
    answer: () => Promise.resolve(),
    decline: () => Promise.resolve(),
    setHold: () => Promise.resolve(),
    setMute: () => undefined,
    sendDtmf: () => undefined,
    monitor: () => undefined,
  };
}
