/**
 * What happens when a user logs in on a hot-desking device while already logged in on others (a PBX setting):
 * `logout-other` (default) ends the other sessions, `deny` refuses the new login, `allow` keeps them all.
 */
export const MULTIPLE_LOGIN_POLICIES = ['logout-other', 'deny', 'allow'] as const;
export type MultipleLoginPolicy = (typeof MULTIPLE_LOGIN_POLICIES)[number];
export const DEFAULT_MULTIPLE_LOGIN_POLICY: MultipleLoginPolicy = 'logout-other';

export type LoginDecision =
  /** Go ahead, first logging the user out of `logOut` (the other devices). */
  | { kind: 'proceed'; logOut: readonly string[] }
  /** Refused: the user is logged in on `elsewhere`. */
  | { kind: 'deny'; elsewhere: readonly string[] };

/**
 * Decides a login on `device` for a user whose sessions are on `sessionDevices` (which may include `device` itself,
 * a repeated login on the same phone, which never counts as "elsewhere").
 */
export function decideLogin(policy: MultipleLoginPolicy, device: string, sessionDevices: readonly string[]): LoginDecision {
  const elsewhere = sessionDevices.filter((other) => other !== device);
  if (elsewhere.length === 0 || policy === 'allow') return { kind: 'proceed', logOut: [] };
  if (policy === 'deny') return { kind: 'deny', elsewhere };
  return { kind: 'proceed', logOut: elsewhere };
}
