import { describe, expect, it } from 'vitest';
import type { ConsoleDevice } from '../../../../shared/contracts';
import { applyDeviceEvent, provisioningText, sbcText, statusText } from '../../../../renderer/admin/pages/hotDesking/deviceRows';

const idle = (name: string, mac: string): ConsoleDevice => ({
  name,
  mac,
  status: 'idle',
  extension: null,
  userName: null,
  since: null,
  lastRegistration: '2026-12-01T10:00:00.000Z',
  location: 'HQ, Floor 2',
  provisioning: { method: 'pnp', url: null },
  sbc: null,
});
const HD1 = idle('HD0001', '02:00:00:00:00:01');
const HD2 = idle('HD0002', '02:00:00:00:00:02');
const aliceOn1: ConsoleDevice = { ...HD1, status: 'logged-in', extension: '100', userName: 'Alice Andrews', since: '2026-12-01T13:05:00.000Z' };

describe('the Hot desking rows, from the device events', () => {
  it('replaces a row with the item of its status event and keeps the others', () => {
    const rows = applyDeviceEvent([HD1, HD2], 'device.status', { type: 'device.status', name: 'HD0001', item: aliceOn1 });
    expect(rows).toEqual([aliceOn1, HD2]);
  });

  it('adds a created device in pool-name order and removes a deleted one', () => {
    const added = applyDeviceEvent([HD2], 'device.created', { type: 'device.created', name: 'HD0001', item: HD1 });
    expect(added.map((row) => row.name)).toEqual(['HD0001', 'HD0002']);
    expect(applyDeviceEvent(added, 'device.deleted', { type: 'device.deleted', name: 'HD0002', item: null })).toEqual([HD1]);
  });

  it("ignores an event without an item that is no deletion (a user's extension registering) and malformed data", () => {
    const rows = [HD1, HD2];
    expect(applyDeviceEvent(rows, 'device.status', { type: 'device.status', name: '100', item: null })).toBe(rows);
    expect(applyDeviceEvent(rows, 'device.updated', null)).toBe(rows);
    expect(applyDeviceEvent(rows, 'device.deleted', { item: null })).toBe(rows);
  });

  it('says idle, offline, or who is logged in since when, in the given time zone', () => {
    expect(statusText(HD1)).toBe('Idle');
    expect(statusText({ ...HD1, status: 'offline' })).toBe('Offline');
    expect(statusText(aliceOn1, { locale: 'en-GB', timeZone: 'Europe/Berlin' })).toBe('Logged in as 100 Alice Andrews since 01/12/2026, 14:05');
    expect(statusText(aliceOn1, { locale: 'en-GB', timeZone: 'America/New_York' })).toBe('Logged in as 100 Alice Andrews since 01/12/2026, 08:05');
    expect(statusText({ ...aliceOn1, userName: null }, { locale: 'en-GB', timeZone: 'UTC' })).toBe('Logged in as 100 since 01/12/2026, 13:05');
  });

  it('names the provisioning method and the SBC', () => {
    expect(provisioningText(HD1)).toBe('Plug and play');
    expect(provisioningText({ ...HD1, provisioning: { method: 'url', url: 'http://x/provisioning/t.json' } })).toBe('Provisioning URL');
    expect(sbcText(HD1)).toBe('None');
    expect(sbcText({ ...HD1, sbc: { host: 'sbc.example.com', port: 5061 } })).toBe('sbc.example.com:5061');
  });
});
