import { describe, expect, it } from 'vitest';
import { IDLE_DEVICE_REFUSAL, MAX_DIAL_LENGTH, classifyDialString } from '../../../shared/domain/dialString';
import { blfPagesFor } from '../../../renderer/src/store/blfPages';
import { sanitizeDialInput } from '../../../renderer/src/store/dialInput';
import { UNPROVISIONED_REFUSAL, checkDialPolicy } from '../../../renderer/src/store/dialPolicy';

const context = { emergencyNumbers: ['911', '112', '999'] };
const intent = (input: string) => classifyDialString(input, context);

describe('sanitizeDialInput', () => {
  it('keeps digits, * and #, and + only in front', () => {
    expect(sanitizeDialInput('*77*100*')).toBe('*77*100*');
    expect(sanitizeDialInput('+44 20 7946-0958')).toBe('+442079460958');
    expect(sanitizeDialInput('12+3')).toBe('123');
    expect(sanitizeDialInput('abc')).toBe('');
    expect(sanitizeDialInput('١٢٣')).toBe('');
  });

  it('caps the length at what can be dialled', () => {
    expect(sanitizeDialInput('1'.repeat(50))).toHaveLength(MAX_DIAL_LENGTH);
  });
});

describe('checkDialPolicy', () => {
  const pool = { kind: 'pool', name: 'HD0001' } as const;
  const user = { kind: 'user', extension: '100', name: 'Alice' } as const;

  it('idle device: emergency and hot-desk codes only', () => {
    expect(checkDialPolicy(intent('911'), pool)).toEqual({ allowed: true });
    expect(checkDialPolicy(intent('*77*100*'), pool)).toEqual({ allowed: true });
    expect(checkDialPolicy(intent('*77*5*'), pool)).toEqual({ allowed: true });
    for (const number of ['200', '0', '*999', '*20*']) {
      expect(checkDialPolicy(intent(number), pool)).toEqual({ allowed: false, reason: IDLE_DEVICE_REFUSAL });
    }
  });

  it('logged-in user: anything valid', () => {
    expect(checkDialPolicy(intent('200'), user)).toEqual({ allowed: true });
    expect(checkDialPolicy(intent('*999'), user)).toEqual({ allowed: true });
  });

  it('unprovisioned: emergency only', () => {
    expect(checkDialPolicy(intent('112'), null)).toEqual({ allowed: true });
    expect(checkDialPolicy(intent('*77*100*'), null)).toEqual({ allowed: false, reason: UNPROVISIONED_REFUSAL });
  });

  it('invalid input gives its own reason whoever is logged in', () => {
    expect(checkDialPolicy(intent(''), user)).toEqual({ allowed: false, reason: 'Enter a number to call' });
    expect(checkDialPolicy(intent(''), pool)).toEqual({ allowed: false, reason: 'Enter a number to call' });
  });
});

describe('blfPagesFor', () => {
  const positions = [{ type: 'blf', extension: '101', label: 'Bob' } as const, null, { type: 'line', label: 'Line 2' } as const];

  it('gives idle and unprovisioned hot-desk devices just the Logout key', () => {
    expect(blfPagesFor({ kind: 'pool', name: 'HD0001' }, positions, 4)).toEqual([[{ type: 'logout', label: 'Logout' }]]);
    expect(blfPagesFor(null, positions, 4)).toEqual([[{ type: 'logout', label: 'Logout' }]]);
  });

  it('gives a plain SIP account (a softphone) its keys without a Logout key, paged like any panel', () => {
    expect(blfPagesFor({ kind: 'account', uri: 'sip:1@x', name: '' }, positions, 1)).toEqual([[positions[0]], [positions[2]]]);
    expect(blfPagesFor({ kind: 'account', uri: 'sip:1@x', name: '' }, [], 4)).toEqual([[]]);
  });
});
