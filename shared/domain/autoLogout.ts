import { nextWallClockTime } from './zonedTime';

/**
 * Auto-logout of a hot-desk session: after N idle minutes, after a maximum session length, and/or at a daily time
 * (device Options). A warning with "Stay logged in" comes 60 s before; only the idle timer can be extended. Never
 * during a call: a deadline that falls in a call waits until the call has ended and the warning has had its minute.
 * Pure functions of the inputs and `now`, so the rules are tested on a fake clock.
 */

export const AUTO_LOGOUT_WARNING_MS = 60_000;

export interface AutoLogoutTimers {
  readonly idleMinutes: number | null;
  readonly maxSessionMinutes: number | null;
  /** `HH:MM` in the device's time zone. */
  readonly dailyAt: string | null;
}

export type AutoLogoutKind = 'idle' | 'max-session' | 'daily';

export interface AutoLogoutSession {
  readonly timers: AutoLogoutTimers;
  /** Epoch ms the user logged in. */
  readonly since: number;
  /** Epoch ms of the user's last key press, tap or call (at least `since`). */
  readonly lastActivity: number;
  /** Epoch ms the last call of this session ended; null when there was none. */
  readonly lastCallEnd: number | null;
  /** The device's IANA time zone for `dailyAt`; null or unknown: UTC. */
  readonly timeZone: string | null;
}

export interface AutoLogoutDeadline {
  readonly kind: AutoLogoutKind;
  /** Epoch ms the logout happens (already moved past a call that covered it). */
  readonly at: number;
}

/** Only idleness can be undone by the user; a session length or a time of day cannot. */
export function canStayLoggedIn(kind: AutoLogoutKind): boolean {
  return kind === 'idle';
}

/** The deadline that comes first; on a tie the one the user cannot extend, so "Stay logged in" is never a lie. */
export function nextAutoLogout(session: AutoLogoutSession): AutoLogoutDeadline | null {
  const { timers } = session;
  const candidates: AutoLogoutDeadline[] = [];
  if (timers.dailyAt !== null) candidates.push({ kind: 'daily', at: nextWallClockTime(session.since, timers.dailyAt, session.timeZone) });
  if (timers.maxSessionMinutes !== null) candidates.push({ kind: 'max-session', at: session.since + timers.maxSessionMinutes * 60_000 });
  if (timers.idleMinutes !== null) {
    candidates.push({ kind: 'idle', at: Math.max(session.lastActivity, session.since) + timers.idleMinutes * 60_000 });
  }
  let first: AutoLogoutDeadline | null = null;
  for (const candidate of candidates) if (first === null || candidate.at < first.at) first = candidate;
  if (first === null) return null;
  // A call that ended after the warning should have started gives the user a full warning minute afterwards.
  const afterCall = session.lastCallEnd === null ? first.at : Math.max(first.at, session.lastCallEnd + AUTO_LOGOUT_WARNING_MS);
  return { kind: first.kind, at: afterCall };
}

export type AutoLogoutPhase =
  | { readonly phase: 'off' }
  /** Nothing to show until `warnAt`. */
  | { readonly phase: 'counting'; readonly deadline: AutoLogoutDeadline; readonly warnAt: number }
  /** The banner is up: `remainingMs` left, with "Stay logged in" when `canStay`. */
  | { readonly phase: 'warning'; readonly deadline: AutoLogoutDeadline; readonly remainingMs: number; readonly canStay: boolean }
  /** A call is up: nothing happens until it ends. */
  | { readonly phase: 'deferred'; readonly deadline: AutoLogoutDeadline }
  /** Log out now. */
  | { readonly phase: 'due'; readonly deadline: AutoLogoutDeadline };

/** Where the session stands at `now`. */
export function autoLogoutPhase(session: AutoLogoutSession, now: number, inCall: boolean): AutoLogoutPhase {
  const deadline = nextAutoLogout(session);
  if (deadline === null) return { phase: 'off' };
  if (inCall) return { phase: 'deferred', deadline };
  if (now >= deadline.at) return { phase: 'due', deadline };
  const warnAt = deadline.at - AUTO_LOGOUT_WARNING_MS;
  if (now < warnAt) return { phase: 'counting', deadline, warnAt };
  return { phase: 'warning', deadline, remainingMs: deadline.at - now, canStay: canStayLoggedIn(deadline.kind) };
}

/** When the phase next changes by itself (the caller sets one timer for it); null when only an event can change it. */
export function nextPhaseChange(phase: AutoLogoutPhase): number | null {
  switch (phase.phase) {
    case 'counting':
      return phase.warnAt;
    case 'warning':
      return phase.deadline.at;
    default:
      return null;
  }
}
