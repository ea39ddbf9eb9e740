import { CallControlButton } from '../../components/CallControlButton';
import { useAppStore } from '../../store/StoreProvider';
import { deviceSelectors, historySelectors } from '../../store/selectors';
import type { CallRecord } from '../../store/types';
import { formatClockTime } from './clock';

/** How many of the recent calls the side column lists. */
const SHOWN = 5;

/**
 * The user's recent calls (missed ones marked) and Redial, in the side column while there is no call. Both are
 * wiped with everything else of the user when the identity changes.
 */
export function RecentCalls() {
  const calls = useAppStore(historySelectors.recentCalls);
  const redialNumber = useAppStore(historySelectors.redialNumber);
  const timeZone = useAppStore(deviceSelectors.timeZone);
  const timeFormat = useAppStore(deviceSelectors.timeFormat);
  const redial = useAppStore((state) => state.redial);
  if (calls.length === 0 && redialNumber === null) return null;
  return (
    <section className="guide-panel__section recent-calls" aria-label="Recent calls">
      <h2 className="panel-title">Recent calls</h2>
      <ul className="recent-calls__list">
        {calls.slice(0, SHOWN).map((call) => (
          <li key={call.id} className="recent-calls__item" data-outcome={call.outcome}>
            <span>{describeRecord(call)}</span>
            <time className="recent-calls__time" dateTime={new Date(call.at).toISOString()}>
              {formatClockTime(new Date(call.at), { timeZone, timeFormat })}
            </time>
          </li>
        ))}
      </ul>
      {redialNumber !== null ? <CallControlButton kind="redial" label="Redial" onPress={() => void redial()} /> : null}
    </section>
  );
}

export function describeRecord(call: CallRecord): string {
  const party = call.name && call.name !== call.number ? `${call.number} ${call.name}`.trim() : call.number || call.name;
  switch (call.outcome) {
    case 'missed':
      return `Missed: ${party}`;
    case 'answered':
      return `${call.direction === 'incoming' ? 'From' : 'To'} ${party}`;
    case 'unanswered':
      return `To ${party} (no answer)`;
  }
}
