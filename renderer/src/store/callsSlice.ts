import { classifyDialString } from '../../../shared/domain/dialString';
import { isDtmfTone } from '../phone/dtmf';
import { checkDialPolicy } from './dialPolicy';
import { sanitizeDialInput } from './dialInput';
import { isReceipt } from './sessionSlice';
import { messageOf } from './errors';
import type { Caption, CallsSlice, CallView, SliceCreator } from './types';

export const NOT_READY = 'The phone is still starting — try again in a moment';
/** A fleeting call notice ("Call ended") makes way for the idle caption after this long. */
export const CALL_NOTICE_MS = 5_000;

export const createCallsSlice: SliceCreator<CallsSlice> = ({ phone }) => (set, get) => {
  // The phone reports the end as callChanged(null), then callEnded(notice): this keeps the call for the recent calls.
  let ending: CallView | null = null;

  return {
    number: '',
    caption: null,
    call: null,

    setNumber(text) {
      // During a call the keys send DTMF; the Number box keeps what was dialled.
      if (get().call) return;
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
      if (get().call) return set({ caption: null });
      set({ number: '', caption: null });
    },

    showCaption(text, tone = 'info') {
      set({ caption: { text, tone } });
    },

    pressKey(key) {
      const { call } = get();
      if (!call) return get().appendToNumber(key);
      if (call.phase === 'active' && isDtmfTone(key)) phone.sendDtmf(key);
    },

    async placeCall() {
      const { call } = get();
      if (call?.phase === 'incoming') return get().answer();
      if (call) return;
      await get().dial(get().number);
    },

    async dial(dialString) {
      const { deviceStatus, deviceOptions, identity, showCaption } = get();
      if (deviceStatus !== 'ready' || deviceOptions === null) return showCaption(NOT_READY, 'warning');
      const intent = classifyDialString(dialString, { emergencyNumbers: deviceOptions.emergencyNumbers });
      const verdict = checkDialPolicy(intent, identity);
      if (!verdict.allowed) return showCaption(verdict.reason, 'warning');
      set({ caption: null });
      try {
        await phone.dial(intent);
      } catch (error) {
        showCaption(messageOf(error), 'error');
        return;
      }
      if (intent.kind !== 'hotdesk-login' && intent.kind !== 'hotdesk-logout') get().rememberDialled(intent.dialString);
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
      if (get().call?.phase !== 'incoming') return;
      try {
        await phone.answer();
      } catch (error) {
        get().showCaption(messageOf(error), 'error');
      }
    },

    async decline() {
      if (get().call?.phase !== 'incoming') return;
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

    callChanged(call) {
      const started = call !== null && get().call === null;
      if (call === null) ending = get().call ?? ending;
      // A new call replaces whatever the caption said about the last one (but not the previous user's receipt).
      if (call && get().call?.id !== call.id) set({ call, caption: isReceipt(get().caption) ? get().caption : null });
      else set({ call });
      // A call puts auto-logout on hold until it ends.
      if (started) get().reviewAutoLogout();
    },

    callEnded(notice) {
      const ended = get().call ?? ending;
      ending = null;
      if (ended) get().recordCall(ended, notice);
      const receipt = isReceipt(get().caption) ? get().caption : null;
      const caption: Caption | null = notice ? { text: notice.text, tone: notice.tone } : receipt;
      const now = Date.now();
      // A call is activity, and a deadline that fell during it waits for the warning minute after it.
      set({ call: null, caption, lastCallEnd: now, lastActivity: now });
      get().reviewAutoLogout();
      if (caption && notice?.fleeting) {
        setTimeout(() => {
          if (get().caption === caption) set({ caption: null });
        }, CALL_NOTICE_MS);
      }
    },
  };
};
