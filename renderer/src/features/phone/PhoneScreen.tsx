import { useCallback, useRef } from 'react';
import { useAppStore } from '../../store/StoreProvider';
import { BlfPanel } from './BlfPanel';
import { DialPanel } from './DialPanel';
import { GuidePanel } from './GuidePanel';
import type { KeypadAction } from './keyboard';
import { PhoneDisplay } from './PhoneDisplay';
import { useGlobalKeypad } from './useGlobalKeypad';

/**
 * The one phone screen (PRODUCT.md §6a): display across the top, dialling in the centre, BLF keys on the right, and
 * help (later also the call controls) on the left.
 */
export function PhoneScreen() {
  const numberFieldRef = useRef<HTMLInputElement | null>(null);
  const appendToNumber = useAppStore((state) => state.appendToNumber);
  const deleteLastDigit = useAppStore((state) => state.deleteLastDigit);
  const clearNumber = useAppStore((state) => state.clearNumber);
  const call = useAppStore((state) => state.call);

  const run = useCallback(
    (action: KeypadAction) => {
      switch (action.type) {
        case 'append':
          return appendToNumber(action.text);
        case 'delete':
          return deleteLastDigit();
        case 'clear':
          return clearNumber();
        case 'call':
          return void call();
      }
    },
    [appendToNumber, deleteLastDigit, clearNumber, call],
  );
  useGlobalKeypad(numberFieldRef, run);

  return (
    <main className="phone">
      <h1 className="visually-hidden">Hotdesk phone</h1>
      <div className="phone__display">
        <PhoneDisplay />
      </div>
      <div className="phone__side">
        <GuidePanel />
      </div>
      <div className="phone__dial">
        <DialPanel numberFieldRef={numberFieldRef} />
      </div>
      <div className="phone__blf">
        <BlfPanel />
      </div>
    </main>
  );
}
