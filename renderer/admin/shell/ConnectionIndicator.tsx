import { useStreamState } from '../events/EventsContext';
import type { StreamState } from '../events/consoleEvents';

const TEXT: Record<StreamState, string> = {
  connecting: 'Connecting to live updates…',
  open: 'Live',
  down: 'Live updates interrupted — reconnecting…',
};

/** Says whether the page is live: the event stream open, or down and reconnecting (then the data may be stale). */
export function ConnectionIndicator() {
  const state = useStreamState();
  return (
    <p className="connection" role="status" aria-label="Live updates" data-state={state}>
      <span className="connection-dot" aria-hidden="true" />
      {TEXT[state]}
    </p>
  );
}
