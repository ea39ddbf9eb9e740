import { classifyDialString, type DialIntent } from '../../../shared/domain/dialString';
import { focusedCall } from '../phone/callLines';
import { isDtmfTone } from '../phone/dtmf';
import { checkDialPolicy } from './dialPolicy';
import { sanitizeDialInput } from './dialInput';
import { isReceipt } from './sessionSlice';
import { messageOf } from './errors';
import type { CallNotice } from '../phone/callEnd';
import { partyLabel } from '../phone/callView';
import type { AppState, Caption, CallsSlice, CallView, SliceCreator } from './types';

export const NOT_READY = 'The phone is still starting — try again in a moment';
/** A fleeting call notice ("Call ended") makes way for the idle caption after this long. */
export const CALL_NOTICE_MS = 5_000;

/** What dialling `dialString` means on this device, or why it may not be dialled. */
export function allowedIntent(state: Pick<AppState, 'deviceStatus' | 'deviceOptions' | 'identity'>, dialString: string): DialIntent | string {
  const { deviceStatus, deviceOptions, identity } = state;
  if (deviceStatus !== 'ready' || deviceOptions === null) return NOT_READY;
  const intent = classifyDialString(dialString, { emergencyNumbers: deviceOptions.emergencyNumbers });
  const verdict = checkDialPolicy(intent, identity);
  return verdict.allowed ? intent : verdict.reason;
}

/** A missed call the phone answered busy itself (call waiting off, or no line free). */
export function missedWhileBusyNotice(call: CallView): CallNotice {
  return { text: `Missed call from ${partyLabel(call)} (busy)`, tone: 'info', missed: true };
}

export const createCallsSlice: SliceCreator<CallsSlice> = ({ phone }) => (set, get) => {
  return {
    number: '',
    caption: null,
    calls: [],
    call: null,

    setNumber(text) {
      // During a call the keys send DTMF and the Number box keeps what was dialled — unless it takes a transfer target.
      if (get().call && !get().transferring) return;
      const number = sanitizeDialInput(text);
      if (number !== get().number) set({ number, caption: null });
    },

    appendToNumber(text) {
      get().setNumber(get().number + text);
    },

    deleteLastDigit() {
      get().setNumber(get().number.slice(0, -1));
    },

    clearNumber() {
      if (get().call && !get().transferring) return set({ caption: null });
      // Escape on an empty transfer target leaves the transfer entry.
      if (get().transferring && get().number === '') return set({ transferring: false, caption: null });
      set({ number: '', caption: null });
    },

    showCaption(text, tone = 'info') {
      set({ caption: { text, tone } });
    },

    pressKey(key) {
      const { call, transferring } = get();
      if (!call || transferring) return get().appendToNumber(key);
      if (call.phase === 'active' && isDtmfTone(key)) phone.sendDtmf(key);
    },

    async placeCall() {
      const { call } = get();
      if (ringingHere(get().calls)) return get().answer();
      if (get().transferring) return get().transferNow();
      if (call) return;
      // Call on an empty Number box redials, as on a desk phone.
      const { number, redialNumber } = get();
      await get().dial(number === '' && redialNumber !== null ? redialNumber : number);
    },

    async dial(dialString) {
      const { showCaption } = get();
      const intent = allowedIntent(get(), dialString);
      if (typeof intent === 'string') return showCaption(intent, 'warning');
      set({ caption: null });
      try {
        await phone.dial(intent);
      } catch (error) {
        showCaption(messageOf(error), 'error');
        return;
      }
      if (intent.kind !== 'hotdesk-login' && intent.kind !== 'hotdesk-logout') get().rememberDialled(intent.dialString);
    },

    async callEmergency() {
      const number = get().deviceOptions?.emergencyNumbers[0];
      if (number !== undefined) await get().dial(number);
    },

    async hangUp() {
      try {
        await phone.hangUp();
        set({ number: '', caption: null });
      } catch (error) {
        get().showCaption(messageOf(error), 'error');
      }
    },

    async answer() {
      if (!ringingHere(get().calls)) return;
      try {
        await phone.answer();
      } catch (error) {
        get().showCaption(messageOf(error), 'error');
      }
    },

    async decline() {
      if (!ringingHere(get().calls)) return;
      try {
        await phone.decline();
      } catch (error) {
        get().showCaption(messageOf(error), 'error');
      }
    },

    async toggleHold() {
      const { call } = get();
      if (call?.phase !== 'active') return;
      try {
        await phone.setHold(!call.held);
      } catch (error) {
        get().showCaption(messageOf(error), 'warning');
      }
    },

    toggleMute() {
      const { call } = get();
      if (call?.phase === 'active') phone.setMute(!call.muted);
    },

    callsChanged(reported) {
      const calls = [...reported];
      const call = focusedCall(calls);
      const started = calls.length > 0 && get().calls.length === 0;
      // The transfer entry belongs to the call it was opened on.
      const transferring = get().transferring && call !== null && call.id === get().call?.id;
      // A new call replaces whatever the caption said about the last one (but not the previous user's receipt).
      if (started) set({ calls, call, transferring, caption: isReceipt(get().caption) ? get().caption : null });
      else set({ calls, call, transferring });
      // A call puts auto-logout on hold until it ends.
      if (started) get().reviewAutoLogout();
    },

    missedWhileBusy(call) {
      get().recordCall(call, missedWhileBusyNotice(call));
    },

    callEnded(ended, notice) {
      get().recordCall(ended, notice);
      // While other calls go on, the display is about them; the notice of this one would only linger.
      if (get().calls.length > 0) return;
      const receipt = isReceipt(get().caption) ? get().caption : null;
      const caption: Caption | null = notice ? { text: notice.text, tone: notice.tone } : receipt;
      const now = Date.now();
      // A call is activity, and a deadline that fell during it waits for the warning minute after it.
      set({ calls: [], call: null, transferring: false, caption, lastCallEnd: now, lastActivity: now });
      get().reviewAutoLogout();
      if (caption && notice?.fleeting) {
        setTimeout(() => {
          if (get().caption === caption) set({ caption: null });
        }, CALL_NOTICE_MS);
      }
    },
  };
};

/** A call ringing here, alone or waiting behind another: what Answer and Decline act on. */
function ringingHere(calls: readonly CallView[]): boolean {
  return calls.some((call) => call.phase === 'incoming');
}
