import '../consolePages.css';
import { type ReactNode, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ConsoleAuditEvent, ConsoleExtension } from '../../../../shared/contracts';
import { API_BASE, ConsoleApiError } from '../../api/apiClient';
import { useApi } from '../../api/ApiContext';
import { LoadState } from '../../components/LoadState';
import { TextField } from '../../components/TextField';
import { useLiveEvents, useReloadOnReconnect } from '../../events/EventsContext';
import { type HistoryFilters, historyQuery, historyRows, LOGIN_HISTORY_KINDS, NO_FILTERS } from './historyQuery';

interface Choices {
  users: Array<{ extension: string; name: string }>;
  devices: string[];
}

/** Who logged in and out where, filtered by user, device, kind and time, with Export CSV of what is shown. */
export function LoginHistoryPage() {
  const api = useApi();
  const [filters, setFilters] = useState<HistoryFilters>(NO_FILTERS);
  const [events, setEvents] = useState<ConsoleAuditEvent[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [choices, setChoices] = useState<Choices>({ users: [], devices: [] });
  const query = useMemo(() => historyQuery(filters), [filters]);
  const csv = useMemo(() => historyQuery(filters, 'csv'), [filters]);
  const generation = useRef(0);

  const load = useCallback(() => {
    if (!query.ok) return;
    const mine = ++generation.current;
    setError(null);
    api.get<{ events: ConsoleAuditEvent[] }>(`/audit?${query.search}`).then(
      (answer) => {
        if (mine !== generation.current) return;
        setEvents(answer.events);
        setLoading(false);
      },
      (failure: unknown) => {
        if (mine !== generation.current) return;
        setError(failure instanceof ConsoleApiError ? failure.message : 'The request failed');
        setLoading(false);
      },
    );
  }, [api, query]);
  useEffect(load, [load]);
  // Logins and logouts change a device's status: the history has a new line then.
  useLiveEvents(['device.status'], load);
  useReloadOnReconnect(
    useCallback(() => {
      Promise.all([api.get<{ extensions: ConsoleExtension[] }>('/extensions'), api.get<{ devices: Array<{ name: string }> }>('/devices')]).then(
        ([users, devices]) => setChoices({ users: users.extensions, devices: devices.devices.map((device) => device.name) }),
        () => undefined, // the filters still work by typing nothing; the table shows the error of its own load
      );
    }, [api]),
  );

  const names = useMemo(() => new Map(choices.users.map((user) => [user.extension, user.name])), [choices.users]);
  const rows = useMemo(() => historyRows(events, names), [events, names]);
  const set = (change: Partial<HistoryFilters>) => setFilters((current) => ({ ...current, ...change }));

  return (
    <>
      <form className="card console-section" aria-label="Filter the login history" onSubmit={(event) => event.preventDefault()}>
        <div className="form-grid">
          <Select label="User" value={filters.extension} onChange={(extension) => set({ extension })}>
            <option value="">Any user</option>
            {choices.users.map((user) => (
              <option key={user.extension} value={user.extension}>
                {user.extension} {user.name}
              </option>
            ))}
          </Select>
          <Select label="Device" value={filters.device} onChange={(device) => set({ device })}>
            <option value="">Any device</option>
            {choices.devices.map((device) => (
              <option key={device} value={device}>
                {device}
              </option>
            ))}
          </Select>
          <Select label="Event" value={filters.kind} onChange={(kind) => set({ kind })}>
            <option value="">Any event</option>
            {LOGIN_HISTORY_KINDS.map((entry) => (
              <option key={entry.kind} value={entry.kind}>
                {entry.label}
              </option>
            ))}
          </Select>
          <TextField label="From" type="datetime-local" step={1} value={filters.from} error={!query.ok && query.field === 'from' ? query.message : null} onChange={(event) => set({ from: event.target.value })} />
          <TextField label="To" type="datetime-local" step={1} value={filters.to} error={!query.ok && query.field === 'to' ? query.message : null} onChange={(event) => set({ to: event.target.value })} />
        </div>
        <div className="toolbar">
          <button type="button" className="button" onClick={() => setFilters(NO_FILTERS)}>
            Clear filters
          </button>
          {csv.ok && (
            <a className="button" href={`${API_BASE}/audit?${csv.search}`} download="hotdesk-login-history.csv">
              Export CSV
            </a>
          )}
        </div>
        <p className="notice">Times are in your browser&apos;s time zone ({Intl.DateTimeFormat().resolvedOptions().timeZone}).</p>
      </form>
      <LoadState what="login history" loading={loading} error={error} onRetry={load} />
      {!loading && !error && rows.length === 0 && <p className="empty">No logins or logouts match these filters.</p>}
      {!loading && !error && rows.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" aria-label="Login history">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Event</th>
                <th scope="col">User</th>
                <th scope="col">Device</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td>{row.time}</td>
                  <td>{row.what}</td>
                  <td>{row.user}</td>
                  <td>{row.device}</td>
                  <td>{row.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function Select({ label, value, onChange, children }: { label: string; value: string; onChange(value: string): void; children: ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {children}
      </select>
    </div>
  );
}
