import { useSyncExternalStore } from 'react';

/** The location hash (`#/phones`), following back/forward and links. */
export function useHashRoute(): string {
  return useSyncExternalStore(
    (changed) => {
      window.addEventListener('hashchange', changed);
      return () => window.removeEventListener('hashchange', changed);
    },
    () => window.location.hash,
  );
}
