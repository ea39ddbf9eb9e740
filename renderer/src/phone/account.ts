import type { PhoneAccount } from '../../../shared/contracts';
import { CONNECTION_RECOVERY_S } from './registration';

/** The JsSIP UA settings this phone derives from its account (a subset of JsSIP's UAConfiguration, minus sockets). */
export interface UaSettings {
  readonly uri: string;
  readonly authorization_user: string;
  readonly display_name: string;
  readonly password?: string;
  readonly ha1?: string;
  readonly realm?: string;
  readonly register: true;
  readonly register_expires: number;
  readonly connection_recovery_min_interval: number;
  readonly connection_recovery_max_interval: number;
  readonly user_agent: string;
}

export const REGISTER_EXPIRES_S = 300;
export const USER_AGENT = 'Hotdesk';

/**
 * JsSIP settings for an account. The embedded PBX hands out HA1 + realm, which JsSIP takes instead of a password
 * (its digest code uses HA1 directly when the challenge's realm matches), so the password never reaches the page.
 */
export function uaSettings(account: PhoneAccount): UaSettings {
  const credentials =
    account.credentials.kind === 'ha1'
      ? { ha1: account.credentials.ha1, realm: account.credentials.realm }
      : { password: account.credentials.password };
  return {
    uri: account.uri,
    authorization_user: account.authUser,
    display_name: account.displayName,
    ...credentials,
    register: true,
    register_expires: REGISTER_EXPIRES_S,
    connection_recovery_min_interval: CONNECTION_RECOVERY_S.min,
    connection_recovery_max_interval: CONNECTION_RECOVERY_S.max,
    user_agent: USER_AGENT,
  };
}

/** Whether two accounts register the same way (same server, identity and credentials): then the UA can stay. */
export function sameAccount(a: PhoneAccount | null, b: PhoneAccount | null): boolean {
  if (a === null || b === null) return a === b;
  const credentialsA = a.credentials.kind === 'ha1' ? `ha1:${a.credentials.ha1}:${a.credentials.realm}` : `pw:${a.credentials.password}`;
  const credentialsB = b.credentials.kind === 'ha1' ? `ha1:${b.credentials.ha1}:${b.credentials.realm}` : `pw:${b.credentials.password}`;
  return (
    a.webSocketUrl === b.webSocketUrl &&
    a.uri === b.uri &&
    a.authUser === b.authUser &&
    a.displayName === b.displayName &&
    credentialsA === credentialsB
  );
}

/** The host part of `sip:101@hotdesk.local` (params dropped): where this phone's calls go. */
export function domainOf(uri: string): string {
  const match = /^sips?:[^@]+@([^;?>\s]+)/i.exec(uri);
  if (!match?.[1]) throw new Error(`Not a SIP URI with a domain: ${uri}`);
  return match[1];
}

/**
 * The request URI for a dial string: `sip:<digits>@<domain of the account>`. `#` is not allowed unescaped in a SIP
 * URI's user part (RFC 3261 §25.1), so it is sent as `%23`; digits, `*` and `+` are.
 */
export function callTarget(dialString: string, accountUri: string): string {
  const scheme = accountUri.toLowerCase().startsWith('sips:') ? 'sips' : 'sip';
  return `${scheme}:${dialString.replace(/#/g, '%23')}@${domainOf(accountUri)}`;
}

/** The number shown for a SIP URI's user part: `%23` back to `#`, anything undecodable kept as is. */
export function numberFromUser(user: string | null | undefined): string {
  if (!user) return '';
  try {
    return decodeURIComponent(user);
  } catch {
    return user;
  }
}
