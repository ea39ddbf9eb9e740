import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AuditItem, historyQuery, historyRows, NO_FILTERS } from '../../../../renderer/admin/pages/loginHistory/historyQuery';

const HOT_DESK_KINDS = 'hotdesk.login,hotdesk.roam,hotdesk.logout,hotdesk.pin-failed,hotdesk.lockout,hotdesk.login-denied';

describe('the Login history filters', () => {
  const zone = process.env.TZ;
  beforeEach(() => {
    process.env.TZ = 'Europe/Berlin'; // datetime-local values are the browser's local time
  });
  afterEach(() => {
    process.env.TZ = zone;
  });

  it('asks for the hot-desk kinds only, unless one kind is chosen', () => {
    expect(historyQuery(NO_FILTERS)).toEqual({ ok: true, search: new URLSearchParams({ kind: HOT_DESK_KINDS }).toString() });
    expect(historyQuery({ ...NO_FILTERS, kind: 'hotdesk.logout' })).toEqual({ ok: true, search: 'kind=hotdesk.logout' });
  });

  it('sends user, device and the local times as instants, and format=csv for the export', () => {
    const query = historyQuery({ extension: '100', device: 'HD0001', kind: 'hotdesk.login', from: '2026-12-01T09:30', to: '2026-12-01T18:00' }, 'csv');
    expect(query.ok && Object.fromEntries(new URLSearchParams(query.search))).toEqual({
      kind: 'hotdesk.login',
      extension: '100',
      device: 'HD0001',
      from: '2026-12-01T08:30:00.000Z',
      to: '2026-12-01T17:00:00.000Z',
      format: 'csv',
    });
  });

  it('refuses a time range that ends before it starts, or a time that is none', () => {
    expect(historyQuery({ ...NO_FILTERS, from: '2026-12-01T10:00', to: '2026-12-01T09:00' })).toEqual({ ok: false, field: 'to', message: 'Must be after From' });
    expect(historyQuery({ ...NO_FILTERS, from: 'yesterday' })).toEqual({ ok: false, field: 'from', message: 'Not a date and time' });
  });
});

describe('the Login history table', () => {
  const event = (kind: string, at: string, change: Partial<AuditItem> = {}): AuditItem => ({
    id: `${kind}-${at}`, at, kind, actor: '100', device: 'HD0001', extension: '100', mac: '02:00:00:00:00:01', detail: null, ...change,
  });

  it('lists newest first, in words, with the user name and who ended a session', () => {
    const rows = historyRows(
      [
        event('hotdesk.login', '2026-12-01T08:00:00.000Z'),
        event('hotdesk.logout', '2026-12-01T09:00:05.000Z', { actor: 'admin', detail: 'forced by the administrator (admin)' }),
        event('hotdesk.pin-failed', '2026-12-01T09:30:00.000Z', { extension: '999', actor: null, detail: 'wrong PIN' }),
      ],
      new Map([['100', 'Alice Andrews']]),
      { locale: 'en-GB', timeZone: 'Europe/London' },
    );
    expect(rows.map(({ time, what, user, device, detail }) => [time, what, user, device, detail])).toEqual([
      ['1 Dec 2026, 09:30:00', 'Wrong PIN', '999', 'HD0001', 'wrong PIN'],
      ['1 Dec 2026, 09:00:05', 'Logout', '100 Alice Andrews', 'HD0001', 'by an administrator — forced by the administrator (admin)'],
      ['1 Dec 2026, 08:00:00', 'Login', '100 Alice Andrews', 'HD0001', '—'],
    ]);
  });
});
