import { allowedIntent } from './callsSlice';
import { messageOf } from './errors';
import type { CallLinesSlice, SliceCreator } from './types';

export const TRANSFER_NEEDS_NUMBER = 'Enter the extension or number to transfer to';

/**
 * Transfer, call waiting and swapping in the store: the Transfer entry (the Number box takes the target) and the
 * actions of the call controls that only apply with a second call. The phone carries them out (`phone/phoneCalls.ts`).
 */
export const createCallLinesSlice: SliceCreator<CallLinesSlice> = ({ phone }) => (set, get) => {
  /** The Number box as a transfer target: an extension or phone number this device may call. */
  const target = () => {
    const intent = allowedIntent(get(), get().number);
    if (typeof intent === 'string') return get().showCaption(get().number === '' ? TRANSFER_NEEDS_NUMBER : intent, 'warning');
    if (intent.kind !== 'number') return get().showCaption(TRANSFER_NEEDS_NUMBER, 'warning');
    return intent;
  };

  /** Runs a phone action; a refusal shows on the display. */
  const attempt = async (action: () => Promise<void>) => {
    try {
      await action();
    } catch (error) {
      get().showCaption(messageOf(error), 'warning');
    }
  };

  return {
    transferring: false,

    startTransfer() {
      if (get().call?.phase !== 'active') return;
      set({ transferring: true, number: '', caption: null });
    },

    async cancelTransfer() {
      if (get().transferring) return set({ transferring: false, caption: null });
      await attempt(() => phone.cancelTransfer());
    },

    async transferNow() {
      const intent = target();
      if (!intent) return;
      set({ transferring: false, caption: null });
      await attempt(() => phone.transfer(intent));
    },

    async callTransferTarget() {
      const intent = target();
      if (!intent) return;
      set({ transferring: false, caption: null });
      await attempt(() => phone.consult(intent));
    },

    async completeTransfer() {
      await attempt(() => phone.completeTransfer());
    },

    async swapTo(callId) {
      await attempt(() => phone.swapTo(callId));
    },
  };
};
