import type { SipAccounts } from '../accounts/sipAccounts';
import type { HotDesk } from './hotDesk';

/**
 * Keeps the registrar's SipAccounts equal to the stored extensions and pool identities (HA1 only), now and after
 * every change. HA1s made for another realm cannot authenticate here and are left out with a warning. Returns a
 * function that stops mirroring.
 */
export function mirrorSipAccounts(hotDesk: HotDesk, accounts: SipAccounts): () => void {
  const load = (user: string): void => {
    const account = hotDesk.sipAccount(user);
    if (account === null) {
      accounts.remove(user);
    } else if (account.realm !== accounts.realm) {
      accounts.remove(user);
      console.warn(`SIP account ${user} has credentials for realm ${account.realm}, not ${accounts.realm}; reset its password`);
    } else {
      accounts.add({ user, displayName: account.displayName, kind: account.kind, ha1: account.ha1 });
    }
  };
  for (const record of hotDesk.extensions.list()) load(record.extension);
  for (const device of hotDesk.devices.list()) load(device.name);
  return hotDesk.changes.subscribe((change) => {
    if (change.type === 'extension.created' || change.type === 'extension.updated' || change.type === 'extension.deleted') load(change.extension);
    // An update may carry new pool credentials (re-enrolment, a new MAC).
    if (change.type === 'device.created' || change.type === 'device.updated' || change.type === 'device.deleted') load(change.name);
  });
}
