import { describe, expect, it } from 'vitest';
import type { ConsolePhone } from '../../../../shared/contracts';
import { applyPhoneEvent, assignBlocker, assignCall, assignPreparation, phoneDescription } from '../../../../renderer/admin/pages/phones/phoneRows';

const phone = (mac: string, lastSeen: string, patch: Partial<ConsolePhone> = {}): ConsolePhone => ({
  mac,
  userAgent: 'Hotdesk/0.1',
  vendor: null,
  model: null,
  address: '127.0.0.1',
  firstSeen: lastSeen,
  lastSeen,
  device: null,
  fingerprint: 'f'.repeat(43),
  keyMismatch: false,
  ...patch,
});
const A = phone('02:00:00:00:0a:01', '2026-12-01T10:00:00.000Z');
const B = phone('02:00:00:00:0a:02', '2026-12-01T11:00:00.000Z');
const DEVICES = [
  { name: 'HD0001', mac: '02:00:00:00:00:01' },
  { name: 'HD0004', mac: '02:00:00:00:0a:01' },
];

describe('the Phones rows and Assign', () => {
  it('lists the newest request first, replaces a repeated one, and drops an assigned or dismissed one', () => {
    let rows = applyPhoneEvent([], 'phone.pending', { type: 'phone.pending', mac: A.mac, item: A });
    rows = applyPhoneEvent(rows, 'phone.pending', { type: 'phone.pending', mac: B.mac, item: B });
    expect(rows.map((row) => row.mac)).toEqual([B.mac, A.mac]);
    const again = { ...A, lastSeen: '2026-12-01T12:00:00.000Z' };
    rows = applyPhoneEvent(rows, 'phone.pending', { type: 'phone.pending', mac: A.mac, item: again });
    expect(rows).toEqual([again, B]);
    expect(applyPhoneEvent(rows, 'phone.assigned', { type: 'phone.assigned', mac: A.mac, device: 'HD0004', item: null })).toEqual([B]);
    expect(applyPhoneEvent(rows, 'phone.removed', null)).toBe(rows);
  });

  it('creates a new device, gives an existing one the MAC when it has another, or assigns straight away', () => {
    expect(assignPreparation(A, { kind: 'new' }, DEVICES)).toEqual({ method: 'POST', path: '/devices', body: { mac: A.mac } });
    expect(assignPreparation(A, { kind: 'existing', name: 'HD0001' }, DEVICES)).toEqual({ method: 'PATCH', path: '/devices/HD0001', body: { mac: A.mac } });
    expect(assignPreparation(A, { kind: 'existing', name: 'HD0004' }, DEVICES)).toBeNull();
    expect(assignCall(A, 'HD0004')).toEqual({ method: 'POST', path: '/phones/02%3A00%3A00%3A00%3A0a%3A01/assign', body: { device: 'HD0004', fingerprint: A.fingerprint } });
  });

  it('offers no Assign to a phone that proved no key, and describes a phone by what it said', () => {
    expect(assignBlocker(phone('02:00:00:00:0a:03', A.lastSeen, { fingerprint: null }))).toMatch(/no device key/);
    expect(assignBlocker(A)).toBeNull();
    expect(phoneDescription(A)).toBe('Hotdesk/0.1');
    expect(phoneDescription({ ...A, vendor: 'Acme', model: 'T1' })).toBe('Acme T1');
  });
});
