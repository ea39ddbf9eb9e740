import { describe, expect, it } from 'vitest';
import type { PhoneAccount } from '../../../../shared/contracts';
import { callTarget, domainOf, numberFromUser, sameAccount, uaSettings } from '../../../../renderer/src/phone/account';

const BOB: PhoneAccount = {
  webSocketUrl: 'ws://127.0.0.1:5170/sip',
  uri: 'sip:101@hotdesk.local',
  authUser: '101',
  displayName: 'Bob Brown',
  credentials: { kind: 'ha1', ha1: '0123456789abcdef0123456789abcdef', realm: 'hotdesk.local' },
};

describe('UA settings', () => {
  it('gives JsSIP HA1 + realm from the embedded PBX, never a password', () => {
    const settings = uaSettings(BOB);
    expect(settings).toMatchObject({
      uri: 'sip:101@hotdesk.local',
      authorization_user: '101',
      display_name: 'Bob Brown',
      ha1: '0123456789abcdef0123456789abcdef',
      realm: 'hotdesk.local',
      register: true,
      connection_recovery_min_interval: 2,
      connection_recovery_max_interval: 60,
    });
    expect(settings).not.toHaveProperty('password');
  });

  it('gives a manual account its password', () => {
    const settings = uaSettings({ ...BOB, credentials: { kind: 'password', password: 'secret' } });
    expect(settings.password).toBe('secret');
    expect(settings).not.toHaveProperty('ha1');
  });
});

describe('sameAccount', () => {
  it('keeps the UA only when nothing that registers differs', () => {
    expect(sameAccount(BOB, { ...BOB })).toBe(true);
    expect(sameAccount(null, null)).toBe(true);
    expect(sameAccount(BOB, null)).toBe(false);
    expect(sameAccount(BOB, { ...BOB, uri: 'sip:HD0001@hotdesk.local' })).toBe(false);
    expect(sameAccount(BOB, { ...BOB, credentials: { ...BOB.credentials, ha1: 'ffffffffffffffffffffffffffffffff' } as PhoneAccount['credentials'] })).toBe(false);
    expect(sameAccount(BOB, { ...BOB, webSocketUrl: 'wss://pbx.example/ws' })).toBe(false);
  });
});

describe('call target', () => {
  it("dials <digits>@<the account's domain>", () => {
    expect(callTarget('102', BOB.uri)).toBe('sip:102@hotdesk.local');
    expect(callTarget('*77*100*', BOB.uri)).toBe('sip:*77*100*@hotdesk.local');
    expect(callTarget('+15550100199', 'sips:alice@pbx.example;transport=ws')).toBe('sips:+15550100199@pbx.example');
  });

  it('escapes # (not allowed in a SIP user part)', () => {
    expect(callTarget('*20#', BOB.uri)).toBe('sip:*20%23@hotdesk.local');
    expect(numberFromUser('*20%23')).toBe('*20#');
    expect(numberFromUser('%E0')).toBe('%E0');
    expect(numberFromUser(undefined)).toBe('');
  });

  it('needs a URI with a domain', () => {
    expect(domainOf('sip:101@hotdesk.local:5060;transport=ws')).toBe('hotdesk.local:5060');
    expect(() => domainOf('sip:hotdesk.local')).toThrow(/domain/);
  });
});
