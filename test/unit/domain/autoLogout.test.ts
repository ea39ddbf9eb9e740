import { describe, expect, it } from 'vitest';
import {
  AUTO_LOGOUT_WARNING_MS,
  autoLogoutPhase,
  nextAutoLogout,
  nextPhaseChange,
  type AutoLogoutSession,
  type AutoLogoutTimers,
} from '../../../shared/domain/autoLogout';
import { nextWallClockTime } from '../../../shared/domain/zonedTime';

const MINUTE = 60_000;
const LOGIN = Date.parse('2026-03-10T08:00:00Z');
const OFF: AutoLogoutTimers = { idleMinutes: null, maxSessionMinutes: null, dailyAt: null };

function session(timers: Partial<AutoLogoutTimers>, patch: Partial<AutoLogoutSession> = {}): AutoLogoutSession {
  return { timers: { ...OFF, ...timers }, since: LOGIN, lastActivity: LOGIN, lastCallEnd: null, timeZone: 'UTC', ...patch };
}

describe('auto-logout deadlines', () => {
  it('is off when no timer is set', () => {
    expect(nextAutoLogout(session({}))).toBeNull();
    expect(autoLogoutPhase(session({}), LOGIN + 1000 * MINUTE, false)).toEqual({ phase: 'off' });
  });

  it('logs out N idle minutes after the last activity', () => {
    expect(nextAutoLogout(session({ idleMinutes: 15 }))).toEqual({ kind: 'idle', at: LOGIN + 15 * MINUTE });
    expect(nextAutoLogout(session({ idleMinutes: 15 }, { lastActivity: LOGIN + 7 * MINUTE }))).toEqual({ kind: 'idle', at: LOGIN + 22 * MINUTE });
  });

  it('logs out a maximum session length after login, whatever the activity', () => {
    expect(nextAutoLogout(session({ maxSessionMinutes: 480 }, { lastActivity: LOGIN + 479 * MINUTE }))).toEqual({
      kind: 'max-session',
      at: LOGIN + 480 * MINUTE,
    });
  });

  it('logs out at the next daily time after login, in the device time zone', () => {
    // 08:00 UTC is 09:00 in Berlin (CET): 18:30 Berlin is 17:30 UTC the same day.
    expect(nextAutoLogout(session({ dailyAt: '18:30' }, { timeZone: 'Europe/Berlin' }))).toEqual({
      kind: 'daily',
      at: Date.parse('2026-03-10T17:30:00Z'),
    });
    // A login after today's time waits for tomorrow's.
    const late = Date.parse('2026-03-10T19:00:00Z');
    expect(nextAutoLogout(session({ dailyAt: '18:30' }, { since: late, lastActivity: late }))?.at).toBe(Date.parse('2026-03-11T18:30:00Z'));
  });

  it('takes the earliest timer, and on a tie the one that cannot be extended', () => {
    const timers = { idleMinutes: 30, maxSessionMinutes: 60, dailyAt: '08:45' };
    expect(nextAutoLogout(session(timers))).toEqual({ kind: 'idle', at: LOGIN + 30 * MINUTE });
    expect(nextAutoLogout(session(timers, { lastActivity: LOGIN + 20 * MINUTE }))).toEqual({ kind: 'daily', at: LOGIN + 45 * MINUTE });
    expect(nextAutoLogout(session({ idleMinutes: 60, maxSessionMinutes: 60 }))).toEqual({ kind: 'max-session', at: LOGIN + 60 * MINUTE });
  });
});

describe('auto-logout phases on a fake clock', () => {
  const idle = session({ idleMinutes: 10 });

  it('counts silently, warns 60 s before with "Stay logged in", then is due', () => {
    const counting = autoLogoutPhase(idle, LOGIN + MINUTE, false);
    expect(counting).toEqual({ phase: 'counting', deadline: { kind: 'idle', at: LOGIN + 10 * MINUTE }, warnAt: LOGIN + 9 * MINUTE });
    expect(nextPhaseChange(counting)).toBe(LOGIN + 9 * MINUTE);

    const warning = autoLogoutPhase(idle, LOGIN + 9 * MINUTE + 15_000, false);
    expect(warning).toMatchObject({ phase: 'warning', remainingMs: 45_000, canStay: true });
    expect(nextPhaseChange(warning)).toBe(LOGIN + 10 * MINUTE);

    expect(autoLogoutPhase(idle, LOGIN + 10 * MINUTE, false)).toMatchObject({ phase: 'due' });
  });

  it('"Stay logged in" is activity: the idle deadline moves on', () => {
    const stayed = { ...idle, lastActivity: LOGIN + 9 * MINUTE + 30_000 };
    expect(autoLogoutPhase(stayed, LOGIN + 10 * MINUTE, false)).toMatchObject({ phase: 'counting', warnAt: LOGIN + 18 * MINUTE + 30_000 });
  });

  it('offers no "Stay logged in" for a maximum session or a daily time', () => {
    expect(autoLogoutPhase(session({ maxSessionMinutes: 60 }), LOGIN + 59 * MINUTE, false)).toMatchObject({ phase: 'warning', canStay: false });
    expect(autoLogoutPhase(session({ dailyAt: '08:30' }), LOGIN + 29 * MINUTE + 30_000, false)).toMatchObject({
      phase: 'warning',
      canStay: false,
      remainingMs: 30_000,
    });
  });

  it('never acts during a call, and after it gives the full warning minute', () => {
    const timers = { maxSessionMinutes: 60 };
    expect(autoLogoutPhase(session(timers), LOGIN + 59 * MINUTE, true)).toMatchObject({ phase: 'deferred' });
    expect(autoLogoutPhase(session(timers), LOGIN + 75 * MINUTE, true)).toMatchObject({ phase: 'deferred' });
    const ended = LOGIN + 75 * MINUTE;
    const afterCall = session(timers, { lastCallEnd: ended });
    expect(autoLogoutPhase(afterCall, ended, false)).toMatchObject({ phase: 'warning', remainingMs: AUTO_LOGOUT_WARNING_MS, canStay: false });
    expect(autoLogoutPhase(afterCall, ended + AUTO_LOGOUT_WARNING_MS, false)).toMatchObject({ phase: 'due' });
  });

  it('a call long before the deadline changes nothing', () => {
    const timers = { maxSessionMinutes: 60 };
    expect(nextAutoLogout(session(timers, { lastCallEnd: LOGIN + 5 * MINUTE }))).toEqual({ kind: 'max-session', at: LOGIN + 60 * MINUTE });
  });
});

describe('nextWallClockTime', () => {
  it('finds the next hh:mm in a zone across a daylight-saving change', () => {
    // Berlin moves to summer time on 2026-03-29 at 02:00 → 03:00.
    const before = Date.parse('2026-03-28T20:00:00Z');
    expect(nextWallClockTime(before, '18:30', 'Europe/Berlin')).toBe(Date.parse('2026-03-29T16:30:00Z'));
    expect(nextWallClockTime(Date.parse('2026-03-29T16:30:00Z'), '18:30', 'Europe/Berlin')).toBe(Date.parse('2026-03-30T16:30:00Z'));
  });

  it('is strictly after the given instant, and rolls over month ends', () => {
    const at = Date.parse('2026-01-31T18:30:00Z');
    expect(nextWallClockTime(at, '18:30', 'UTC')).toBe(Date.parse('2026-02-01T18:30:00Z'));
    expect(nextWallClockTime(at - 1, '18:30', null)).toBe(at);
  });

  it('treats an unknown zone as UTC instead of failing', () => {
    expect(nextWallClockTime(Date.parse('2026-01-01T00:00:00Z'), '06:00', 'Mars/Olympus')).toBe(Date.parse('2026-01-01T06:00:00Z'));
  });

  it('works in zones west of UTC with a date change', () => {
    const at = Date.parse('2026-07-01T02:00:00Z'); // 22:00 on 30 June in New York (EDT, UTC-4)
    expect(nextWallClockTime(at, '23:15', 'America/New_York')).toBe(Date.parse('2026-07-01T03:15:00Z'));
    expect(nextWallClockTime(at, '06:00', 'America/New_York')).toBe(Date.parse('2026-07-01T10:00:00Z'));
  });
});
