import { useEffect, useState } from 'react';
import { CallControlButton } from '../../components/CallControlButton';
import type { AutoLogoutKind } from '../../../../shared/domain/autoLogout';
import { useAppStore } from '../../store/StoreProvider';
import { autoLogoutSelectors } from '../../store/selectors';

const WHY: Record<AutoLogoutKind, string> = {
  idle: 'not used for a while',
  'max-session': 'session time is up',
  daily: 'daily logout time',
};

/** The last-minute warning before an auto-logout, with "Stay logged in" where the user can undo it (idleness). */
export function AutoLogoutBanner() {
  const warning = useAppStore(autoLogoutSelectors.warning);
  const stayLoggedIn = useAppStore((state) => state.stayLoggedIn);
  const seconds = useSecondsUntil(warning?.at ?? null);
  if (!warning) return null;
  return (
    <div className="auto-logout" role="alert" data-kind={warning.kind}>
      <p className="auto-logout__text">
        <strong>{`Logging out in ${seconds} s`}</strong>
        <span className="auto-logout__why">{` — ${WHY[warning.kind]}`}</span>
      </p>
      {warning.canStay ? <CallControlButton kind="stay" label="Stay logged in" onPress={stayLoggedIn} /> : null}
    </div>
  );
}

/** Whole seconds left until `at`, re-read every second while there is a deadline. */
function useSecondsUntil(at: number | null): number {
  const [seconds, setSeconds] = useState(() => secondsUntil(at));
  useEffect(() => {
    setSeconds(secondsUntil(at));
    if (at === null) return;
    const timer = setInterval(() => setSeconds(secondsUntil(at)), 1000);
    return () => clearInterval(timer);
  }, [at]);
  return seconds;
}

function secondsUntil(at: number | null): number {
  return at === null ? 0 : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}
