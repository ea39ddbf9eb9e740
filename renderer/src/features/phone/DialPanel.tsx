import type { RefObject } from 'react';
import { CallButton } from '../../components/CallButton';
import { Dialpad } from '../../components/Dialpad';
import { NumberField } from '../../components/NumberField';
import { useAppStore } from '../../store/StoreProvider';
import { callsSelectors } from '../../store/selectors';

/** Number box, keypad, Call and Hang up. */
export function DialPanel({ numberFieldRef }: { numberFieldRef: RefObject<HTMLInputElement | null> }) {
  const number = useAppStore(callsSelectors.number);
  const setNumber = useAppStore((state) => state.setNumber);
  const inCall = useAppStore(callsSelectors.inCall);
  const transferring = useAppStore(callsSelectors.transferring);
  const pressKey = useAppStore((state) => state.pressKey);
  const deleteLastDigit = useAppStore((state) => state.deleteLastDigit);
  const placeCall = useAppStore((state) => state.placeCall);
  const hangUp = useAppStore((state) => state.hangUp);

  return (
    <section className="dial-panel" aria-label="Dialling">
      <NumberField value={number} onChange={setNumber} onDeleteLast={deleteLastDigit} inputRef={numberFieldRef} readOnly={inCall && !transferring} />
      <Dialpad onPress={pressKey} />
      <div className="call-buttons">
        <CallButton kind="call" onPress={() => void placeCall()} />
        <CallButton kind="hang-up" onPress={() => void hangUp()} />
      </div>
    </section>
  );
}
