import { describe, expect, it } from 'vitest';
import { decideLogin } from '../../../shared/domain/multipleLogins';

describe('the multiple-login policy', () => {
  it('lets a user who is logged in nowhere else log in under every policy', () => {
    for (const policy of ['logout-other', 'deny', 'allow'] as const) {
      expect(decideLogin(policy, 'HD0001', [])).toEqual({ kind: 'proceed', logOut: [] });
      expect(decideLogin(policy, 'HD0001', ['HD0001'])).toEqual({ kind: 'proceed', logOut: [] }); // the same phone again
    }
  });

  it('logout-other logs the user out of the other phones', () => {
    expect(decideLogin('logout-other', 'HD0002', ['HD0001', 'HD0002', 'HD0003'])).toEqual({ kind: 'proceed', logOut: ['HD0001', 'HD0003'] });
  });

  it('deny refuses, naming where the user is logged in', () => {
    expect(decideLogin('deny', 'HD0002', ['HD0001'])).toEqual({ kind: 'deny', elsewhere: ['HD0001'] });
  });

  it('allow keeps every session', () => {
    expect(decideLogin('allow', 'HD0002', ['HD0001'])).toEqual({ kind: 'proceed', logOut: [] });
  });
});
