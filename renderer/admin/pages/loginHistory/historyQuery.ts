import type { ConsoleAuditEvent } from '../../../../shared/contracts';
import { formatLogTime, localInputToIso } from '../../format/dates';
import type { TimeFormat } from '../../format/formatInstant';

export type AuditItem = ConsoleAuditEvent;

/** The hot-desk kinds of the audit log: the login history, in the order a session goes. */
export const LOGIN_HISTORY_KINDS: ReadonlyArray<{ kind: string; label: string }> = [
  { kind: 'hotdesk.login', label: 'Login' },
  { kind: 'hotdesk.roam', label: 'Roam' },
  { kind: 'hotdesk.logout', label: 'Logout' },
  { kind: 'hotdesk.pin-failed', label: 'Wrong PIN' },
  { kind: 'hotdesk.lockout', label: 'Lockout' },
  { kind: 'hotdesk.login-denied', label: 'Login refused' },
];

/** The filter form as typed: `from` and `to` are `datetime-local` values in the browser's time zone. */
export interface HistoryFilters {
  extension: string;
  device: string;
  kind: string;
  from: string;
  to: string;
}

export const NO_FILTERS: HistoryFilters = { extension: '', device: '', kind: '', from: '', to: '' };

export type HistoryQuery = { ok: true; search: string } | { ok: false; field: keyof HistoryFilters; message: string };

/** The audit query for the filters (only hot-desk kinds); a filter that cannot be sent is named with why. */
export function historyQuery(filters: HistoryFilters, format: 'json' | 'csv' = 'json'): HistoryQuery {
  const params = new URLSearchParams();
  params.set('kind', filters.kind === '' ? LOGIN_HISTORY_KINDS.map((entry) => entry.kind).join(',') : filters.kind);
  if (filters.extension !== '') params.set('extension', filters.extension);
  if (filters.device !== '') params.set('device', filters.device);
  const from = filters.from === '' ? null : localInputToIso(filters.from);
  const to = filters.to === '' ? null : localInputToIso(filters.to);
  if (filters.from !== '' && from === null) return { ok: false, field: 'from', message: 'Not a date and time' };
  if (filters.to !== '' && to === null) return { ok: false, field: 'to', message: 'Not a date and time' };
  if (from !== null && to !== null && from >= to) return { ok: false, field: 'to', message: 'Must be after From' };
  if (from !== null) params.set('from', from);
  if (to !== null) params.set('to', to);
  if (format === 'csv') params.set('format', 'csv');
  return { ok: true, search: params.toString() };
}

/** A row of the history table, in words. */
export interface HistoryRow {
  id: string;
  time: string;
  what: string;
  user: string;
  device: string;
  detail: string;
}

const ENDED_BY: Readonly<Record<string, string>> = {
  user: 'by the user',
  admin: 'by an administrator',
  auto: 'automatically',
  'other-device': 'by a login elsewhere',
};

/** The rows, newest first, with each extension's name where it is known. */
export function historyRows(events: readonly AuditItem[], names: ReadonlyMap<string, string>, options: TimeFormat = {}): HistoryRow[] {
  const labels = new Map(LOGIN_HISTORY_KINDS.map((entry) => [entry.kind, entry.label]));
  return [...events].reverse().map((event) => {
    const name = event.extension === null ? undefined : names.get(event.extension);
    const endedBy = event.kind === 'hotdesk.logout' && event.actor !== null ? ENDED_BY[event.actor] : undefined;
    return {
      id: event.id,
      time: formatLogTime(event.at, options),
      what: labels.get(event.kind) ?? event.kind,
      user: event.extension === null ? '—' : name ? `${event.extension} ${name}` : event.extension,
      device: event.device ?? '—',
      detail: [endedBy, event.detail].filter((part) => part !== undefined && part !== null && part !== '').join(' — ') || '—',
    };
  });
}
