import { backoffDelay, type BackoffPolicy } from '../../../shared/util/backoff';

/**
 * The SIP registration lamp on the display's status bar. `unregistered`: there is no SIP account to register;
 * `refused`: the registrar turned down the credentials (not the same as "No service": someone must fix them).
 */
export type RegistrationState = 'unregistered' | 'registering' | 'registered' | 'no-service' | 'refused';

/** What the JsSIP user agent reported, reduced to what the lamp cares about. */
export type UaSignal = 'started' | 'connecting' | 'connected' | 'disconnected' | 'registered' | 'unregistered' | 'registration-failed' | 'registration-refused';

/**
 * The lamp after a user-agent signal ("No service" while the PBX is unreachable, retrying with backoff).
 * `connected` is whether the SIP WebSocket is up right now. Reconnect attempts do not flicker the lamp between
 * "No service" and "Registering…": once out of service it stays so until a socket is up again.
 */
export function nextRegistration(current: RegistrationState, signal: UaSignal, connected: boolean): RegistrationState {
  switch (signal) {
    case 'started':
      return 'registering';
    case 'connecting':
      return current === 'unregistered' ? 'registering' : current;
    case 'connected':
      return current === 'registered' ? current : 'registering';
    case 'disconnected':
    case 'registration-failed':
      return 'no-service';
    case 'registration-refused':
      return 'refused';
    case 'registered':
      return 'registered';
    case 'unregistered':
      // The registrar dropped us (or the binding expired) while the socket is up: JsSIP registers again.
      return connected ? 'registering' : 'no-service';
  }
}

/** Re-REGISTER after a failed registration: about 2 s, doubling to a minute (±20 % jitter spreads many kiosks). */
export const REGISTER_BACKOFF: BackoffPolicy = { initialMs: 2_000, maxMs: 60_000 };

/** JsSIP's own WebSocket recovery, in seconds as its configuration wants them: the same 2 s → 60 s range. */
export const CONNECTION_RECOVERY_S = { min: REGISTER_BACKOFF.initialMs / 1000, max: REGISTER_BACKOFF.maxMs / 1000 } as const;

/** The delay before retry number `attempt` (0-based). */
export function registerRetryDelay(attempt: number, random: () => number = Math.random): number {
  return backoffDelay(attempt, REGISTER_BACKOFF, random);
}
