import { classifyDialString } from '../../../shared/domain/dialString';
import { checkDialPolicy } from './dialPolicy';
import { sanitizeDialInput } from './dialInput';
import { messageOf } from './errors';
import type { CallsSlice, SliceCreator } from './types';

export const NOT_READY = 'The phone is still starting — try again in a moment';

export const createCallsSlice: SliceCreator<CallsSlice> = ({ phone }) => (set, get) => ({
  number: '',
  caption: null,

  setNumber(text) {
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
    set({ number: '', caption: null });
  },

  showCaption(text, tone = 'info') {
    set({ caption: { text, tone } });
  },

  async call() {
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
    }
  },

  async hangUp() {
    try {
      await phone.hangUp();
      set({ number: '', caption: null });
    } catch (error) {
      get().showCaption(messageOf(error), 'error');
    }
  },
});
