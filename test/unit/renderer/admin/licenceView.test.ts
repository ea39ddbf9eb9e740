import { describe, expect, it } from 'vitest';
import { expiryText, type LicenceItem, licenceFacts, normaliseLicenceKey } from '../../../../renderer/admin/pages/licence/licenceView';

const NOW = new Date('2026-12-01T12:00:00Z');
const GB = { locale: 'en-GB', timeZone: 'Pacific/Honolulu' };

describe('the Licence page', () => {
  it('shows a date-only expiry as that date wherever the browser is, counting to the end of that day (UTC)', () => {
    expect(expiryText('2026-12-31', NOW, GB)).toBe('31 Dec 2026 (in 30 days)');
    expect(expiryText('2026-12-01', NOW, GB)).toBe('1 Dec 2026 (ends within a day)');
    expect(expiryText('2026-11-20', NOW, GB)).toBe('20 Nov 2026 (expired 10 days ago)');
    expect(expiryText('2026-11-30', NOW, GB)).toBe('30 Nov 2026 (expired within the last day)');
    expect(expiryText(null, NOW, GB)).toBe('Never');
  });

  it("shows an expiry instant in the browser's time zone", () => {
    expect(expiryText('2026-12-02T12:00:00Z', NOW, { locale: 'en-GB', timeZone: 'Asia/Tokyo' })).toBe('2 Dec 2026, 21:00:00 (in 1 day)');
  });

  it('lists edition, state, licensee, expiry and the device limit', () => {
    const licence: LicenceItem = {
      edition: 'pro', source: 'installed', state: 'valid', licensee: 'ACME Ltd', issued: '2026-01-01', expires: '2027-01-01',
      maxHotDeskDevices: 5, hotDesking: true, problem: null,
    };
    expect(licenceFacts(licence, NOW, GB)).toEqual([
      ['Edition', 'PRO'],
      ['State', 'Valid'],
      ['Source', 'Installed key'],
      ['Licensee', 'ACME Ltd'],
      ['Expires', '1 Jan 2027 (in 31 days)'],
      ['Hot desking', 'Included'],
      ['Hot-desk devices', 'Up to 5'],
    ]);
    const none: LicenceItem = { ...licence, edition: 'free', source: 'none', state: 'none', licensee: null, expires: null, maxHotDeskDevices: null, hotDesking: false };
    expect(Object.fromEntries(licenceFacts(none, NOW, GB))).toMatchObject({ Edition: 'Free', State: 'No licence', Licensee: '—', 'Hot-desk devices': 'None' });
  });

  it('drops the line breaks and spaces a pasted key picks up', () => {
    expect(normaliseLicenceKey('  eyJhbGci\r\n  OiJ.sig-\n_nat ure ')).toBe('eyJhbGciOiJ.sig-_nature');
  });
});
