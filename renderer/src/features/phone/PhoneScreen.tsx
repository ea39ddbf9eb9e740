import { useCallback, useRef } from 'react';
import { useAppStore } from '../../store/StoreProvider';
import { callsSelectors } from '../../store/selectors';
import { AutoLogoutBanner } from './AutoLogoutBanner';
import { BlfPanel } from './BlfPanel';
import { CallPanel } from './CallPanel';
import { DialPanel } from './DialPanel';
import { GuidePanel } from './GuidePanel';
import type { KeypadAction } from './keyboard';
import { PhoneDisplay } from './PhoneDisplay';
import { useActivity } from './useActivity';
import { useGlobalKeypad } from './useGlobalKeypad';

/**
 * The one phone screen: display across the top, dialling in the centre, BLF keys on the right, and
 * on the left the call controls during a call, help otherwise.
 */
export function PhoneScreen() {
  const numberFieldRef = useRef<HTMLInputElement | null>(null);
  const pressKey = useAppStore((state) => state.pressKey);
  const deleteLastDigit = useAppStore((state) => state.deleteLastDigit);
  const clearNumber = useAppStore((state) => state.clearNumber);
  const placeCall = useAppStore((state) => state.placeCall);
  const inCall = useAppStore(callsSelectors.inCall);
  const noteActivity = useAppStore((state) => state.noteActivity);

  const run = useCallback(
    (action: KeypadAction) => {
      switch (action.type) {
        case 'append':
          return pressKey(action.text);
        case 'delete':
          return deleteLastDigit();
        case 'clear':
          return clearNumber();
        case 'call':
          return void placeCall();
      }
    },
    [pressKey, deleteLastDigit, clearNumber, placeCall],
  );
  useGlobalKeypad(numberFieldRef, run);
  useActivity(noteActivity);

  return (
    <main className="phone">
      <h1 className="visually-hidden">Hotdesk phone</h1>
      <div className="phone__display">
        <AutoLogoutBanner />
        <PhoneDisplay />
      </div>
      <div className="phone__side" data-in-call={inCall || undefined}>
        {inCall ? <CallPanel /> : <GuidePanel />}
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
