import { computeHa1 } from '../auth/digestAuth';

export type AccountKind = 'extension' | 'pool';

/** A SIP identity the PBX authenticates. Only HA1 is kept, never the password. */
export interface SipAccount {
  readonly user: string;
  readonly displayName: string;
  readonly kind: AccountKind;
  readonly ha1: string;
}

export class SipAccounts {
  private readonly accounts = new Map<string, SipAccount>();

  constructor(readonly realm: string) {}

  addWithPassword(user: string, displayName: string, kind: AccountKind, password: string): SipAccount {
    return this.add({ user, displayName, kind, ha1: computeHa1(user, this.realm, password) });
  }

  add(account: SipAccount): SipAccount {
    this.accounts.set(account.user, account);
    return account;
  }

  find(user: string): SipAccount | null {
    return this.accounts.get(user) ?? null;
  }

  remove(user: string): void {
    this.accounts.delete(user);
  }
}
