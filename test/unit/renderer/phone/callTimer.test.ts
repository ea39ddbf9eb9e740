import { describe, expect, it } from 'vitest';
import { formatCallDuration, msUntilNextSecond } from '../../../../renderer/src/phone/callTimer';

describe('call timer', () => {
  it('shows mm:ss, then h:mm:ss from an hour on', () => {
    expect(formatCallDuration(0)).toBe('00:00');
    expect(formatCallDuration(999)).toBe('00:00');
    expect(formatCallDuration(1_000)).toBe('00:01');
    expect(formatCallDuration(59_999)).toBe('00:59');
    expect(formatCallDuration(61_000)).toBe('01:01');
    expect(formatCallDuration(59 * 60_000 + 59_000)).toBe('59:59');
    expect(formatCallDuration(3_600_000)).toBe('1:00:00');
    expect(formatCallDuration(10 * 3_600_000 + 5 * 60_000 + 7_000)).toBe('10:05:07');
  });

  it('never shows a negative time (clock adjustments)', () => {
    expect(formatCallDuration(-5_000)).toBe('00:00');
  });

  it('ticks exactly when the shown second changes', () => {
    expect(msUntilNextSecond(0)).toBe(1_000);
    expect(msUntilNextSecond(1_250)).toBe(750);
    expect(msUntilNextSecond(-20)).toBe(1_000);
  });
});
