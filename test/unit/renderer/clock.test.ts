import { describe, expect, it } from 'vitest';
import { formatClockDate, formatClockTime, msUntilNextMinute } from '../../../renderer/src/features/phone/clock';

const afternoon = new Date('2025-01-15T13:05:42Z');

describe('clock', () => {
  it('formats 24h time in the device time zone', () => {
    expect(formatClockTime(afternoon, { timeZone: 'UTC', timeFormat: '24h' })).toBe('13:05');
    expect(formatClockTime(afternoon, { timeZone: 'Europe/Berlin', timeFormat: '24h' })).toBe('14:05');
    expect(formatClockTime(new Date('2025-01-15T00:07:00Z'), { timeZone: 'UTC', timeFormat: '24h' })).toBe('00:07');
  });

  it('formats 12h time with AM/PM', () => {
    expect(formatClockTime(afternoon, { timeZone: 'UTC', timeFormat: '12h' })).toBe('1:05 PM');
    expect(formatClockTime(afternoon, { timeZone: 'America/New_York', timeFormat: '12h' })).toBe('8:05 AM');
    expect(formatClockTime(new Date('2025-01-15T00:07:00Z'), { timeZone: 'UTC', timeFormat: '12h' })).toBe('12:07 AM');
  });

  it('formats the date in the device time zone (which may be another day)', () => {
    expect(formatClockDate(afternoon, { timeZone: 'UTC', timeFormat: '24h' })).toBe('Wed, Jan 15');
    expect(formatClockDate(new Date('2025-01-15T23:30:00Z'), { timeZone: 'Asia/Tokyo', timeFormat: '24h' })).toBe('Thu, Jan 16');
  });

  it("falls back to the machine's zone for an unknown time zone instead of failing", () => {
    const local = formatClockTime(afternoon, { timeZone: null, timeFormat: '24h' });
    expect(formatClockTime(afternoon, { timeZone: 'Mars/Olympus_Mons', timeFormat: '24h' })).toBe(local);
  });

  it('ticks exactly at the next minute', () => {
    expect(msUntilNextMinute(afternoon)).toBe(18_000);
    expect(msUntilNextMinute(new Date('2025-01-15T13:05:00.000Z'))).toBe(60_000);
  });
});
