import { EMPTY_CALL_HISTORY, type CallHistory, type CallHistoryChange, type CallRecord, type IdentityHistory } from '../../../shared/contracts';
import { applyHistoryChange } from '../../../shared/domain/callHistoryRules';
import { identityKey } from '../../../shared/domain/identityKey';
import type { CallView } from '../phone/callView';
import type { CallNotice } from '../phone/callEnd';
import type { HistorySlice, SliceCreator } from './types';

export { MAX_RECENT_CALLS } from '../../../shared/contracts';

/**
 * The row a finished call leaves in the recent calls: `missed` when the phone said so (the caller gave up, or Do not
 * disturb refused it); null for a hot-desk code's call (its number names the user).
 */
export function recordOf(call: CallView, notice: CallNotice | null, endedAt: number): CallRecord | null {
  if (call.hotDesk) return null;
  const outcome: CallRecord['outcome'] = call.answeredAt !== null ? 'answered' : notice?.missed ? 'missed' : 'unanswered';
  const durationS = call.answeredAt === null ? 0 : Math.max(0, Math.round((endedAt - call.answeredAt) / 1000));
  return { id: call.id, direction: call.direction, number: call.number, name: call.name, outcome, at: endedAt, durationS };
}

/**
 * The user's recent calls, Redial, missed-call count and Do not disturb. The device host keeps them on disk for the
 * identity the device has now and wipes them when it changes (logout, roaming, login): this slice shows a change at
 * once, sends it to the host with the identity it is about, and takes the host's answer as the truth.
 */
export const createHistorySlice: SliceCreator<HistorySlice> = ({ bridge, phone }) => (set, get) => {
  const show = (history: CallHistory) => {
    set({ recentCalls: history.calls, redialNumber: history.redialNumber, missedUnseen: history.missedUnseen, doNotDisturb: history.doNotDisturb });
    phone.setDoNotDisturb(history.doNotDisturb);
  };
  const current = (): CallHistory => {
    const { recentCalls, redialNumber, missedUnseen, doNotDisturb } = get();
    return { calls: recentCalls, redialNumber, missedUnseen, doNotDisturb };
  };
  const mine = (answer: IdentityHistory) => answer.identity !== null && answer.identity === identityKey(get().identity);
  const adopt = (answer: IdentityHistory) => {
    if (mine(answer)) show(answer.history);
  };
  const change = async (what: CallHistoryChange) => {
    const about = identityKey(get().identity);
    if (about === null) return;
    show(applyHistoryChange(current(), what));
    try {
      adopt(await bridge.invoke('history.change', about, what));
    } catch (error) {
      // The page keeps what it shows; the host could not keep it (it is told again with the next change).
      console.warn('[history] the device host did not keep a change', error);
    }
  };

  return {
    recentCalls: [],
    redialNumber: null,
    missedUnseen: 0,
    doNotDisturb: false,

    async loadHistory() {
      try {
        adopt(await bridge.invoke('history.get'));
      } catch (error) {
        console.warn('[history] cannot read the recent calls', error);
      }
    },

    historyChanged(answer) {
      adopt(answer);
    },

    recordCall(call, notice) {
      const record = recordOf(call, notice, Date.now());
      if (record) void change({ kind: 'record', call: record });
    },

    rememberDialled(dialString) {
      void change({ kind: 'dialled', number: dialString });
    },

    missedCallsSeen() {
      if (get().missedUnseen > 0) void change({ kind: 'seen' });
    },

    toggleDoNotDisturb() {
      void change({ kind: 'do-not-disturb', on: !get().doNotDisturb });
    },

    async redial() {
      const number = get().redialNumber;
      if (number !== null && get().call === null) await get().dial(number);
    },

    async callBack(record) {
      if (get().call === null && record.number) await get().dial(record.number);
    },

    clearHistory() {
      show(EMPTY_CALL_HISTORY);
    },
  };
};
