import { describe, expect, it, vi } from 'vitest';
import { SipAccounts } from '../../../../electron/pbx/core/accounts/sipAccounts';
import { computeHa1 } from '../../../../electron/pbx/core/auth/digestAuth';
import { mirrorSipAccounts } from '../../../../electron/pbx/core/hotdesk/sipAccountMirror';
import { makeHotDesk, REALM } from './support';

describe('mirrorSipAccounts', () => {
  it('gives the registrar every extension and pool identity, and follows changes', async () => {
    const { hotDesk } = await makeHotDesk();
    const accounts = new SipAccounts(REALM);
    const stop = mirrorSipAccounts(hotDesk, accounts);
    expect(accounts.find('101')).toEqual({ user: '101', displayName: 'Bob Brown', kind: 'extension', ha1: computeHa1('101', REALM, 'sip-101') });
    expect(accounts.find('HD0001')).toMatchObject({ kind: 'pool', ha1: hotDesk.devices.get('HD0001')?.sip.ha1 });
    const device = await hotDesk.devices.create({ mac: '02:00:00:00:00:04' });
    expect(accounts.find(device.name)?.kind).toBe('pool');
    await hotDesk.devices.enrol('HD0001', 'A'.repeat(43));
    const rotated = await hotDesk.devices.enrol('HD0001', 'B'.repeat(43)); // re-enrolment: new pool credentials
    expect(accounts.find('HD0001')?.ha1).toBe(rotated.device.sip.ha1);
    await hotDesk.extensions.remove('105');
    expect(accounts.find('105')).toBeNull();
    stop();
    await hotDesk.devices.remove('HD0004');
    expect(accounts.find('HD0004')).not.toBeNull();
  });

  it('leaves out credentials made for another realm', async () => {
    const { hotDesk } = await makeHotDesk();
    const accounts = new SipAccounts('other.realm');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    mirrorSipAccounts(hotDesk, accounts);
    expect(accounts.find('100')).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('SIP account 100 has credentials for realm hotdesk.test, not other.realm'));
    warn.mockRestore();
  });
});
