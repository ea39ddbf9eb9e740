import { describe, expect, it } from 'vitest';
import { fieldOfRefusal, patchErrors } from '../../../renderer/src/features/settings/patchErrors';

describe('the settings screen names the field of a refused value', () => {
  it("checks a patch with the bridge's schema, one reason per field", () => {
    expect(patchErrors({ ringVolume: 40, language: 'de-DE' })).toEqual({});
    expect(
      patchErrors({
        sipAccount: { webSocketUrl: 'https://pbx.example.com', uri: '2001', authUser: '', displayName: '' },
        provisioningUrl: 'ftp://p.example/x',
        sitePbxUrl: 'wss://user:pw@pbx.example.com/sip',
      }),
    ).toEqual({
      'sipAccount.webSocketUrl': 'must be a ws:// or wss:// URL',
      'sipAccount.uri': 'must be a SIP URI like sip:101@example.com',
      'sipAccount.authUser': 'must not be empty',
      provisioningUrl: 'must be an http:// or https:// URL',
      sitePbxUrl: 'must be a ws:// or wss:// URL without a user name or password',
    });
    expect(patchErrors({ adminPin: '12' })).toEqual({ adminPin: 'must be 4 to 12 digits' });
  });

  it("reads the field out of the host's refusals, and leaves those that name none (a wrong PIN) to the form", () => {
    expect(fieldOfRefusal('Settings not saved: sipAccount.password: a new or changed SIP account needs its password')).toEqual({
      field: 'sipAccount.password',
      reason: 'a new or changed SIP account needs its password',
    });
    expect(fieldOfRefusal('settings.update arguments: 0.ringVolume: must be 0 to 100')).toEqual({ field: 'ringVolume', reason: 'must be 0 to 100' });
    expect(fieldOfRefusal('Wrong admin PIN')).toBeNull();
    expect(fieldOfRefusal('Too many wrong admin PINs; try again in 5 min')).toBeNull();
  });
});
