import { createContext, useContext, useEffect, useRef, useSyncExternalStore } from 'react';
import type { ConsoleEvents, StreamState } from './consoleEvents';

export const EventsContext = createContext<ConsoleEvents | null>(null);

function useConsoleEvents(): ConsoleEvents {
  const events = useContext(EventsContext);
  if (!events) throw new Error('useConsoleEvents needs an <EventsContext.Provider>');
  return events;
}

/** The live stream's state, re-rendering on every change. */
export function useStreamState(): StreamState {
  const events = useConsoleEvents();
  return useSyncExternalStore(
    (changed) => events.onState(changed),
    () => events.state,
  );
}

/**
 * Calls `listener` with the data of every event of these types while the component is mounted (the latest listener,
 * without re-subscribing on each render).
 */
export function useLiveEvents(types: readonly string[], listener: (type: string, data: unknown) => void): void {
  const events = useConsoleEvents();
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  const key = types.join(',');
  useEffect(() => {
    const offs = key.split(',').map((type) => events.on(type, (data) => latest.current(type, data)));
    return () => offs.forEach((off) => off());
  }, [events, key]);
}

/** Calls `load` now and each time the stream opens again (events sent while it was down were missed). */
export function useReloadOnReconnect(load: () => void): void {
  const events = useConsoleEvents();
  const latest = useRef(load);
  useEffect(() => {
    latest.current = load;
  });
  useEffect(() => {
    latest.current();
    return events.onOpen(() => latest.current());
  }, [events]);
}
