import { describe, expect, it } from 'vitest';
import { getReplacesHeader, type HeaderBag } from '../../../../electron/sip/message';

const bag = (value: string): HeaderBag => ({ headers: [{ name: 'Replaces', value }] });

describe('the Replaces header (RFC 3891 §6.1)', () => {
  it('reads the Call-ID and both tags, and early-only', () => {
    expect(getReplacesHeader(bag('98732@sip.example.com;from-tag=r33th4x0r;to-tag=ff87ff'))).toEqual({
      callId: '98732@sip.example.com',
      fromTag: 'r33th4x0r',
      toTag: 'ff87ff',
      earlyOnly: false,
    });
    expect(getReplacesHeader(bag(' abc ; to-tag=a ; from-tag=b ; early-only'))).toMatchObject({ callId: 'abc', earlyOnly: true });
  });

  it('refuses a value without both tags, without a Call-ID, or with trailing junk', () => {
    for (const value of ['abc;to-tag=a', 'abc;from-tag=b', ';to-tag=a;from-tag=b', 'abc;to-tag=a;from-tag=b junk', 'a@;to-tag=a;from-tag=b']) {
      expect(getReplacesHeader(bag(value)), value).toBeUndefined();
    }
    expect(getReplacesHeader({ headers: [] })).toBeUndefined();
  });
});
