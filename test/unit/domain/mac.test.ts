import { describe, expect, it } from 'vitest';
import { parseMac } from '../../../shared/domain/mac';
import { isPoolName, poolNameFor } from '../../../shared/domain/poolName';

describe('parseMac', () => {
  it.each([
    ['02:00:00:00:00:01', '02:00:00:00:00:01'],
    ['02-00-00-00-00-0A', '02:00:00:00:00:0a'],
    ['02000000000A', '02:00:00:00:00:0a'],
    [' 02:00:00:00:00:02 ', '02:00:00:00:00:02'],
  ])('%j → %s', (input, mac) => {
    expect(parseMac(input)).toBe(mac);
  });

  it.each(['', 'zz:00:00:00:00:01', '02:00:00:00:00', '02:00-00:00:00:01', '02:00:00:00:00:01:02', "02:00:00:00:00:01'"])(
    'refuses %j',
    (input) => {
      expect(parseMac(input)).toBeNull();
    },
  );
});

describe('pool names', () => {
  it('formats HD + 4 digits', () => {
    expect(poolNameFor(1)).toBe('HD0001');
    expect(poolNameFor(1234)).toBe('HD1234');
    expect(isPoolName('HD0001')).toBe(true);
    expect(isPoolName('HD01')).toBe(false);
    expect(() => poolNameFor(10000)).toThrow(RangeError);
  });
});
