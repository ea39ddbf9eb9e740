import { useEffect } from 'react';

/** Left alone this long, the settings close: an admin who walks away does not leave them open, PIN and all. */
export const SETTINGS_IDLE_MS = 2 * 60_000;

/** Calls `close` once nobody has touched or typed for SETTINGS_IDLE_MS. */
export function useIdleClose(close: () => void): void {
  useEffect(() => {
    let timer = setTimeout(close, SETTINGS_IDLE_MS);
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(close, SETTINGS_IDLE_MS);
    };
    const events = ['pointerdown', 'keydown', 'wheel'] as const;
    for (const name of events) window.addEventListener(name, restart, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const name of events) window.removeEventListener(name, restart, { capture: true });
    };
  }, [close]);
}
