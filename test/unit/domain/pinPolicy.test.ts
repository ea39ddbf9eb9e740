import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { checkPin, generatePin, isValidPinMinLength, PIN_MAX_LENGTH } from '../../../shared/domain/pinPolicy';
import { DEMO_EXTENSIONS } from '../../../shared/domain/demoSeed';

describe('PIN policy', () => {
  it.each(['482619', '739104', '1357', '0918273645'])('accepts %s', (pin) => {
    expect(checkPin(pin, '100', { minLength: 4 })).toEqual({ ok: true });
  });

  it('accepts every demo PIN for its extension under the default policy', () => {
    for (const demo of DEMO_EXTENSIONS) expect(checkPin(demo.pin, demo.extension)).toEqual({ ok: true });
  });

  it.each([
    ['12345', 'too-short', 'at least 6 digits'],
    ['12a456', 'not-digits', 'digits only'],
    ['', 'too-short', 'at least 6'],
    ['1'.repeat(PIN_MAX_LENGTH + 1).replace(/^1/, '2'), 'too-long', 'at most 16'],
    ['000000', 'same-digit', 'one digit repeated'],
    ['777777', 'same-digit', 'one digit repeated'],
    ['123456', 'sequence', 'consecutive'],
    ['987654', 'sequence', 'consecutive'],
    ['456789', 'sequence', 'consecutive'],
    ['890123', 'sequence', 'consecutive'],
    ['210987', 'sequence', 'consecutive'],
  ])('refuses %j (%s) with a clear reason', (pin, problem, words) => {
    const verdict = checkPin(pin, '100');
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.problem).toBe(problem);
    expect(verdict.reason).toContain(words);
  });

  it('refuses the extension number itself, and the extension repeated', () => {
    expect(checkPin('1000', '1000', { minLength: 4 })).toMatchObject({ ok: false, problem: 'extension' });
    expect(checkPin('100100', '100')).toMatchObject({ ok: false, problem: 'extension', reason: expect.stringContaining('extension number') });
    expect(checkPin('100101', '100')).toEqual({ ok: true });
  });

  it('uses the configured minimum length, within 4–10', () => {
    expect(checkPin('2580', '100', { minLength: 4 })).toEqual({ ok: true });
    expect(checkPin('258013', '100', { minLength: 8 })).toMatchObject({ ok: false, reason: 'The PIN must have at least 8 digits.' });
    expect([3, 4, 6, 10, 11, 6.5].map(isValidPinMinLength)).toEqual([false, true, true, true, false, false]);
    expect(() => checkPin('258013', '100', { minLength: 3 })).toThrow(RangeError);
  });
});

describe('a PIN the PBX makes up (PIN reset)', () => {
  /** Bytes from a fixed list, round and round: a source whose draws the test knows. */
  const scripted = (bytes: number[]) => {
    let next = 0;
    return (size: number) => Uint8Array.from({ length: size }, () => bytes[next++ % bytes.length] as number);
  };

  it('has max(minimum, 6) digits and always passes the policy', () => {
    for (const minLength of [4, 6, 8, 10]) {
      for (let round = 0; round < 200; round += 1) {
        const pin = generatePin('100', { minLength }, randomBytes);
        expect(pin).toHaveLength(Math.max(minLength, 6));
        expect(checkPin(pin, '100', { minLength })).toEqual({ ok: true });
      }
    }
  });

  it('draws again when a draw is refused, and skips bytes 250–255 so that no digit is more likely', () => {
    // 123456 (a run) is refused; 250–255 are skipped; then 4 8 2 6 1 9.
    expect(generatePin('100', { minLength: 6 }, scripted([1, 2, 3, 4, 5, 6, 250, 255, 14, 8, 2, 106, 1, 9]))).toBe('482619');
  });

  it('gives up rather than loop forever on a source that is not random', () => {
    expect(() => generatePin('100', { minLength: 6 }, scripted([7]))).toThrow(/not random/);
  });
});
