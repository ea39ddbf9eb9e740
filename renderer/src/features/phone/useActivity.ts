import { useEffect } from 'react';

/** Calls `onActivity` on any key press or tap anywhere on the page (the auto-logout idle timer's idea of "used"). */
export function useActivity(onActivity: () => void): void {
  useEffect(() => {
    const options = { capture: true, passive: true } as const;
    window.addEventListener('pointerdown', onActivity, options);
    window.addEventListener('keydown', onActivity, options);
    return () => {
      window.removeEventListener('pointerdown', onActivity, options);
      window.removeEventListener('keydown', onActivity, options);
    };
  }, [onActivity]);
}
