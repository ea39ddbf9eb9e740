import { useEffect, type RefObject } from 'react';
import { keyTargetOf, keyToAction, type KeypadAction, type TargetLike } from './keyboard';

/**
 * Lets the physical keyboard drive the phone from anywhere on the page. The Number box types for itself; see
 * keyToAction for why a key is never applied twice.
 */
export function useGlobalKeypad(numberField: RefObject<HTMLElement | null>, run: (action: KeypadAction) => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const target = keyTargetOf(event.target as TargetLike | null, numberField.current);
      const action = keyToAction(event, target);
      if (!action) return;
      event.preventDefault();
      run(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [numberField, run]);
}
