import type { CallRecord, HistorySlice, SliceCreator } from './types';

/** How many finished calls the recent calls keep. */
export const MAX_RECENT_CALLS = 20;

/**
 * The user's recent calls and the Redial number. Kept in memory only, never sent to the host, and wiped whenever the
 * device's identity changes (logout, roaming, login), so the next person at the desk sees nothing of them.
 */
export const createHistorySlice: SliceCreator<HistorySlice> = () => (set, get) => ({
  recentCalls: [],
  redialNumber: null,

  recordCall(call, notice) {
    // A hot-desk code's call is the login itself, not a call to remember (its number names the user).
    if (call.hotDesk) return;
    const outcome: CallRecord['outcome'] = call.answeredAt !== null ? 'answered' : notice?.missed ? 'missed' : 'unanswered';
    const record: CallRecord = { id: call.id, direction: call.direction, number: call.number, name: call.name, outcome, at: Date.now() };
    set({ recentCalls: [record, ...get().recentCalls.filter((known) => known.id !== call.id)].slice(0, MAX_RECENT_CALLS) });
  },

  rememberDialled(dialString) {
    set({ redialNumber: dialString });
  },

  async redial() {
    const number = get().redialNumber;
    if (number !== null && get().call === null) await get().dial(number);
  },

  clearHistory() {
    set({ recentCalls: [], redialNumber: null });
  },
});
