import { MAX_RECENT_CALLS, type CallHistory, type CallHistoryChange } from '../contracts/callHistory';

/**
 * The rules of the recent calls, the same on the device host (which keeps them) and in the phone (which shows a change
 * before the host has answered): newest first, one row per call, at most MAX_RECENT_CALLS; a missed call counts
 * until the user looks at the list.
 */
export function applyHistoryChange(history: CallHistory, change: CallHistoryChange): CallHistory {
  switch (change.kind) {
    case 'record': {
      const calls = [change.call, ...history.calls.filter((known) => known.id !== change.call.id)].slice(0, MAX_RECENT_CALLS);
      const isNewMiss = change.call.outcome === 'missed' && !history.calls.some((known) => known.id === change.call.id);
      return { ...history, calls, missedUnseen: Math.min(MAX_RECENT_CALLS, history.missedUnseen + (isNewMiss ? 1 : 0)) };
    }
    case 'dialled':
      return { ...history, redialNumber: change.number };
    case 'seen':
      return { ...history, missedUnseen: 0 };
    case 'do-not-disturb':
      return { ...history, doNotDisturb: change.on };
  }
}
