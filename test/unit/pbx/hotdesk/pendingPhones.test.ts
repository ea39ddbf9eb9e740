import { describe, expect, it } from 'vitest';
import { MAX_PENDING_PHONES } from '../../../../electron/pbx/core/hotdesk/pendingPhoneRepository';
import type { Mac } from '../../../../shared/domain/mac';
import { makeHotDesk } from './support';

const mac = (n: number) => `02:00:00:00:${String(Math.floor(n / 256).toString(16)).padStart(2, '0')}:${(n % 256).toString(16).padStart(2, '0')}` as Mac;

describe('PendingPhoneRepository', () => {
  it('keeps first-seen, updates last-seen and details, and lists the newest first', async () => {
    const { hotDesk } = await makeHotDesk();
    const phones = hotDesk.pendingPhones;
    await phones.upsert({ mac: mac(4), userAgent: 'Hotdesk/0.1', seenAt: new Date('2025-03-01T09:00:00Z') });
    await phones.upsert({ mac: mac(5), userAgent: 'Yealink SIP-T54W 96.86.0.70', vendor: 'Yealink', seenAt: new Date('2025-03-01T09:01:00Z') });
    const again = await phones.upsert({ mac: mac(4), userAgent: 'Hotdesk/0.2\r\nX-Evil: 1', firmware: '0.2', seenAt: new Date('2025-03-01T09:05:00Z') });
    expect(again).toMatchObject({ firstSeen: '2025-03-01T09:00:00.000Z', lastSeen: '2025-03-01T09:05:00.000Z', firmware: '0.2', userAgent: 'Hotdesk/0.2  X-Evil: 1' });
    expect(phones.list().map((phone) => phone.mac)).toEqual([mac(4), mac(5)]);
    expect(await phones.remove(mac(4))).toBe(true);
    expect(await phones.remove(mac(4))).toBe(false);
    expect(phones.list().map((phone) => phone.mac)).toEqual([mac(5)]);
  });

  it('forgets the least recently seen beyond its limit', async () => {
    const { hotDesk } = await makeHotDesk();
    for (let n = 0; n <= MAX_PENDING_PHONES; n += 1) {
      await hotDesk.pendingPhones.upsert({ mac: mac(n), userAgent: 'x', seenAt: new Date(Date.UTC(2025, 0, 1, 0, 0, n)) });
    }
    expect(hotDesk.pendingPhones.list()).toHaveLength(MAX_PENDING_PHONES);
    expect(hotDesk.pendingPhones.get(mac(0))).toBeNull();
    expect(hotDesk.pendingPhones.get(mac(MAX_PENDING_PHONES))).not.toBeNull();
  });
});
