import type { DialIntent } from '../../../shared/domain/dialString';

/** What the UI asks of the phone. The store decides *whether* to dial; this decides *how*. */
export interface PhoneService {
  /** Places a call for an intent the dial policy allowed; rejects with a message fit for the display. */
  dial(intent: DialIntent): Promise<void>;
  /** Ends the current call, if any. */
  hangUp(): Promise<void>;
}

export const NO_SIP_SERVICE = 'No SIP service yet';

/** Until the JsSIP user agent lands, the phone says plainly that it cannot place calls. */
export function createUnavailablePhoneService(): PhoneService {
  return {
    dial: () => Promise.reject(new Error(NO_SIP_SERVICE)),
    hangUp: () => Promise.resolve(),
  };
}
