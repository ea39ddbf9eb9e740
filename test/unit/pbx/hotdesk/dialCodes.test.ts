import { describe, expect, it } from 'vitest';
import { checkDialCodes } from '../../../../electron/pbx/core/hotdesk/dialCodeRepository';
import { DEFAULT_DIAL_CODES } from '../../../../shared/domain/dialCodes';
import { makeHotDesk } from './support';

describe('dial codes', () => {
  it('saves codes that do not clash', async () => {
    const { hotDesk } = await makeHotDesk();
    expect(hotDesk.dialCodes.get()).toEqual(DEFAULT_DIAL_CODES);
    await hotDesk.dialCodes.set({ ...DEFAULT_DIAL_CODES, voicemail: '*98', pickup: '*8' });
    expect(hotDesk.dialCodes.get()).toMatchObject({ voicemail: '*98', pickup: '*8' });
  });

  it('refuses any other code starting with *7, naming every clashing code', async () => {
    const { hotDesk } = await makeHotDesk();
    const error = await hotDesk.dialCodes.set({ ...DEFAULT_DIAL_CODES, voicemail: '*70', pickup: '*7' }).catch((reason: unknown) => reason);
    expect(error).toMatchObject({ code: 'dial-code-clash', details: { clashes: ['voicemail', 'pickup'] } });
    expect((error as Error).message).toContain('voicemail (*70), pickup (*7)');
    expect(hotDesk.dialCodes.get()).toEqual(DEFAULT_DIAL_CODES);
  });

  it('allows the hot-desk codes themselves to start with *7 and refuses duplicates', () => {
    expect(() => checkDialCodes(DEFAULT_DIAL_CODES)).not.toThrow();
    expect(() => checkDialCodes({ ...DEFAULT_DIAL_CODES, pickup: '*999' })).toThrow('The voicemail and pickup dial codes are both *999');
  });
});
