import type { DeviceIdentity, DeviceSession } from '../../../shared/contracts';
import { identityKey } from '../../../shared/domain/identityKey';
import { DEFAULT_DIAL_CODES } from '../../../shared/domain/dialCodes';
import { messageOf } from './errors';
import type { Caption, SessionSlice, SliceCreator } from './types';

export const LOGGED_OUT_RECEIPT = 'Logged out — your history was cleared';
/** The receipt is short: it makes way for the idle caption after this long (unless something replaced it already). */
export const RECEIPT_MS = 8_000;

/** Two identities are the same line when they would register as the same SIP identity. */
export function sameIdentity(a: DeviceIdentity | null, b: DeviceIdentity | null): boolean {
  return identityKey(a) === identityKey(b);
}

export const createSessionSlice: SliceCreator<SessionSlice> = ({ bridge }) => (set, get) => ({
  identity: null,
  registration: 'unregistered',
  registrationProblem: null,

  setIdentity(identity, session = null) {
    const previous = get().identity;
    if (sameIdentity(previous, identity)) {
      set({ identity, sessionSince: sessionStart(identity, session, get().sessionSince) });
      return;
    }
    // A new person at the desk (logout, roaming, login): nothing of the previous one stays on the device — digits,
    // keys, recent calls, redial, Do not disturb (the device host wipes its copy too). When a user is gone they are told so.
    const receipt: Caption | null = previous?.kind === 'user' ? { text: LOGGED_OUT_RECEIPT, tone: 'info' } : null;
    const now = Date.now();
    set({
      identity,
      number: '',
      caption: receipt ?? (previous === null ? get().caption : null),
      blfPositions: [],
      blfStates: {},
      blfPage: 0,
      directoryQuery: '',
      directoryResults: null,
      directoryError: null,
      sessionSince: sessionStart(identity, session, null),
      lastActivity: now,
      lastCallEnd: null,
      autoLogoutWarning: null,
    });
    get().clearHistory();
    void get().loadHistory();
    if (receipt) {
      setTimeout(() => {
        if (get().caption === receipt) set({ caption: null });
      }, RECEIPT_MS);
    }
  },

  setRegistration(registration, problem = null) {
    set({ registration, registrationProblem: registration === 'refused' ? problem : null });
  },

  async logout(reason = 'user') {
    if (get().identity?.kind !== 'user') return;
    let outcome: string;
    try {
      ({ outcome } = await bridge.invoke('device.logout', reason));
    } catch (error) {
      get().showCaption(messageOf(error), 'error');
      return;
    }
    // A host without a provisioning logout (a hand-entered URL of another server): the PBX's logout code.
    if (outcome === 'unsupported') await get().dial(DEFAULT_DIAL_CODES.logout);
  },
});

/** The logout receipt outlives the end of a call it came in (the next user's login IVR): it is about the last user. */
export function isReceipt(caption: Caption | null): boolean {
  return caption?.text === LOGGED_OUT_RECEIPT;
}

/** When the session began: the PBX's login time; failing that, the moment this phone first saw the user. */
function sessionStart(identity: DeviceIdentity | null, session: DeviceSession | null, known: number | null): number | null {
  if (identity?.kind !== 'user') return null;
  const since = session?.since ? Date.parse(session.since) : Number.NaN;
  if (Number.isFinite(since)) return since;
  return known ?? Date.now();
}
