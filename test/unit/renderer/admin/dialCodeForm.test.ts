import { describe, expect, it } from 'vitest';
import { DEFAULT_DIAL_CODES } from '../../../../shared/domain/dialCodes';
import { invalidFields, isChanged, trimmedCodes } from '../../../../renderer/admin/pages/dialCodes/dialCodeForm';

describe('the Dial codes form', () => {
  it('marks every clashing code after a dial-code-clash, though the API names one field', () => {
    const sent = { ...DEFAULT_DIAL_CODES, voicemail: '*71', pickup: '*72*' };
    expect([...invalidFields(sent, { code: 'dial-code-clash', fields: { voicemail: 'These dial codes start with *7…' } })].sort()).toEqual(['pickup', 'voicemail']);
  });

  it('marks the fields a validation or conflict error names', () => {
    expect([...invalidFields(DEFAULT_DIAL_CODES, { code: 'validation', fields: { pickup: 'must start with * or #' } })]).toEqual(['pickup']);
    expect([...invalidFields(DEFAULT_DIAL_CODES, { code: 'network', fields: {} })]).toEqual([]);
  });

  it('sends trimmed codes and knows when nothing changed', () => {
    const form = { ...DEFAULT_DIAL_CODES, pickup: ' *20* ' };
    expect(trimmedCodes(form).pickup).toBe('*20*');
    expect(isChanged(form, DEFAULT_DIAL_CODES)).toBe(false);
    expect(isChanged({ ...form, voicemail: '*98' }, DEFAULT_DIAL_CODES)).toBe(true);
  });
});
