import { useCallback, useRef, useState } from 'react';
import { ConsoleApiError } from '../api/apiClient';
import { useLiveEvents, useReloadOnReconnect } from './EventsContext';

export type ApplyEvent<T> = (rows: readonly T[], type: string, data: unknown) => readonly T[];

export interface LiveCollection<T> {
  rows: readonly T[];
  loading: boolean;
  error: string | null;
  reload(): void;
}

/**
 * A list the page shows live: loaded at mount and whenever the event stream reopens, then kept up to date by `apply`
 * for each event of `types` — no polling. Events that arrive while a load is under way are applied again on top of
 * its answer, so none is lost to the snapshot.
 */
export function useLiveCollection<T>(load: () => Promise<readonly T[]>, types: readonly string[], apply: ApplyEvent<T>): LiveCollection<T> {
  const [rows, setRows] = useState<readonly T[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const pending = useRef<Array<[string, unknown]> | null>(null);
  const generation = useRef(0);

  const reload = useCallback(() => {
    const mine = ++generation.current;
    pending.current = [];
    setError(null);
    load().then(
      (snapshot) => {
        if (mine !== generation.current) return;
        const during = pending.current ?? [];
        pending.current = null;
        setRows(during.reduce<readonly T[]>((current, [type, data]) => apply(current, type, data), snapshot));
        setLoading(false);
      },
      (failure: unknown) => {
        if (mine !== generation.current) return;
        pending.current = null;
        setError(failure instanceof ConsoleApiError ? failure.message : String(failure));
        setLoading(false);
      },
    );
  }, [load, apply]);

  useReloadOnReconnect(reload);
  useLiveEvents(types, (type, data) => {
    if (pending.current) pending.current.push([type, data]);
    setRows((current) => apply(current, type, data));
  });
  return { rows, loading, error, reload };
}
