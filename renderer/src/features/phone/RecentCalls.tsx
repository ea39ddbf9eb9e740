import { useState } from 'react';
import { CallControlButton } from '../../components/CallControlButton';
import { keepFocus } from '../../components/focus';
import { useAppStore } from '../../store/StoreProvider';
import { deviceSelectors, historySelectors } from '../../store/selectors';
import type { CallRecord } from '../../store/types';
import { formatClockDate, formatClockTime } from './clock';
import { describeDuration, describeRecord } from './recentCallText';

/** How many of the recent calls the side column lists until the user asks for all of them. */
const SHOWN = 5;

/**
 * The user's recent calls (missed ones marked) and Redial, in the side column while there is no call. A row calls
 * its number back. **All recent calls** lists every one with date and duration, and clears the missed-call count on
 * the display. All of it belongs to the identity the device has now (README, "Recent calls").
 */
export function RecentCalls() {
  const calls = useAppStore(historySelectors.recentCalls);
  const redialNumber = useAppStore(historySelectors.redialNumber);
  const missed = useAppStore(historySelectors.missedUnseen);
  const redial = useAppStore((state) => state.redial);
  const missedCallsSeen = useAppStore((state) => state.missedCallsSeen);
  const [showAll, setShowAll] = useState(false);
  if (calls.length === 0 && redialNumber === null) return null;
  const toggle = () => {
    if (!showAll) missedCallsSeen();
    setShowAll(!showAll);
  };
  return (
    <section className="guide-panel__section recent-calls" aria-label="Recent calls">
      <h2 className="panel-title">Recent calls</h2>
      <ul className="recent-calls__list">
        {(showAll ? calls : calls.slice(0, SHOWN)).map((call) => (
          <RecentCallRow key={call.id} call={call} detailed={showAll} />
        ))}
      </ul>
      <div className="recent-calls__actions">
        {redialNumber !== null ? <CallControlButton kind="redial" label="Redial" onPress={() => void redial()} /> : null}
        {calls.length > 0 ? (
          <button type="button" className="recent-calls__more" aria-expanded={showAll} onMouseDown={keepFocus} onClick={toggle}>
            {showAll ? 'Fewer recent calls' : missed > 0 ? `All recent calls (${missed} missed)` : 'All recent calls'}
          </button>
        ) : null}
      </div>
    </section>
  );
}

function RecentCallRow({ call, detailed }: { call: CallRecord; detailed: boolean }) {
  const timeZone = useAppStore(deviceSelectors.timeZone);
  const timeFormat = useAppStore(deviceSelectors.timeFormat);
  const callBack = useAppStore((state) => state.callBack);
  const at = new Date(call.at);
  const clock = { timeZone, timeFormat } as const;
  const duration = describeDuration(call.durationS);
  return (
    <li className="recent-calls__item" data-outcome={call.outcome}>
      <button type="button" className="recent-calls__call" disabled={!call.number} onMouseDown={keepFocus} onClick={() => void callBack(call)}>
        <span className="visually-hidden">Call back: </span>
        <span>{describeRecord(call)}</span>
        <span className="recent-calls__when">
          <time className="recent-calls__time" dateTime={at.toISOString()}>
            {detailed ? `${formatClockDate(at, clock)} ` : ''}
            {formatClockTime(at, clock)}
          </time>
          {detailed && duration ? <span className="recent-calls__duration">{` · ${duration}`}</span> : null}
        </span>
      </button>
    </li>
  );
}
