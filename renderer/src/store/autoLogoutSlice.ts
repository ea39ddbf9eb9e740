import { DEFAULT_AUTO_LOGOUT } from '../../../shared/contracts/deviceOptions';
import { autoLogoutPhase, nextPhaseChange } from '../../../shared/domain/autoLogout';
import type { AutoLogoutSlice, AutoLogoutWarning, SliceCreator } from './types';

/** After an auto-logout that did not take (the host did not answer), look again this much later. */
export const AUTO_LOGOUT_RETRY_MS = 5_000;

/**
 * Auto-logout on the phone (the rules are shared/domain/autoLogout.ts): one timer for the next change of phase, the
 * warning banner for the last minute, a device-initiated logout with reason `auto` when due. Time is Date.now() and
 * setTimeout, so tests drive it with fake timers.
 */
export const createAutoLogoutSlice: SliceCreator<AutoLogoutSlice> = () => (set, get) => {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const schedule = (at: number) => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      get().reviewAutoLogout();
    }, Math.max(0, at - Date.now()));
  };
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  return {
    autoLogoutTimers: DEFAULT_AUTO_LOGOUT,
    sessionSince: null,
    lastActivity: 0,
    lastCallEnd: null,
    autoLogoutWarning: null,

    noteActivity() {
      set({ lastActivity: Date.now() });
      if (get().autoLogoutTimers.idleMinutes !== null) get().reviewAutoLogout();
    },

    stayLoggedIn() {
      if (get().autoLogoutWarning?.canStay) get().noteActivity();
    },

    reviewAutoLogout() {
      cancel();
      const { identity, sessionSince, autoLogoutTimers, lastActivity, lastCallEnd, deviceOptions, call } = get();
      if (identity?.kind !== 'user' || sessionSince === null) return setWarning(null);
      const session = { timers: autoLogoutTimers, since: sessionSince, lastActivity, lastCallEnd, timeZone: deviceOptions?.timeZone ?? null };
      const phase = autoLogoutPhase(session, Date.now(), call !== null);
      const next = nextPhaseChange(phase);
      if (next !== null) schedule(next);
      switch (phase.phase) {
        case 'warning':
          return setWarning({ kind: phase.deadline.kind, at: phase.deadline.at, canStay: phase.canStay });
        case 'due':
          setWarning(null);
          // If the logout does not take (the host did not answer), look again shortly.
          schedule(Date.now() + AUTO_LOGOUT_RETRY_MS);
          return void get().logout('auto');
        default:
          return setWarning(null);
      }
    },
  };

  function setWarning(warning: AutoLogoutWarning | null): void {
    const current = get().autoLogoutWarning;
    if (current === warning || (current && warning && current.at === warning.at && current.kind === warning.kind && current.canStay === warning.canStay)) return;
    set({ autoLogoutWarning: warning });
  }
};
