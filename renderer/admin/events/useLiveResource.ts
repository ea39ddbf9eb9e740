import { useCallback, useRef, useState } from 'react';
import { ConsoleApiError } from '../api/apiClient';
import { useLiveEvents, useReloadOnReconnect } from './EventsContext';

export interface LiveResource<T> {
  data: T | null;
  loading: boolean;
  error: string | null;
  reload(): void;
  /** Shows an answer the page already has (a save's), without loading again. */
  replace(value: T): void;
}

/**
 * One thing the page shows (the dial codes, the licence…): loaded at mount, when the event stream reopens, and when
 * an event of `types` says it changed — no polling. An answer older than the latest request is dropped.
 */
export function useLiveResource<T>(load: () => Promise<T>, types: readonly string[]): LiveResource<T> {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const reload = useCallback(() => {
    const mine = ++generation.current;
    setError(null);
    load().then(
      (value) => {
        if (mine !== generation.current) return;
        setData(value);
        setLoading(false);
      },
      (failure: unknown) => {
        if (mine !== generation.current) return;
        setError(failure instanceof ConsoleApiError ? failure.message : 'The request failed');
        setLoading(false);
      },
    );
  }, [load]);
  useReloadOnReconnect(reload);
  useLiveEvents(types, () => reload());
  const replace = useCallback((value: T) => {
    generation.current += 1;
    setData(value);
    setError(null);
    setLoading(false);
  }, []);
  return { data, loading, error, reload, replace };
}
