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
  const appendToNumber = useAppStore((state) => state.appendToNumber);
  const deleteLastDigit = useAppStore((state) => state.deleteLastDigit);
  const call = useAppStore((state) => state.call);
  const hangUp = useAppStore((state) => state.hangUp);

  return (
    <section className="dial-panel" aria-label="Dialling">
      <NumberField value={number} onChange={setNumber} onDeleteLast={deleteLastDigit} inputRef={numberFieldRef} />
      <Dialpad onPress={appendToNumber} />
      <div className="call-buttons">
        <CallButton kind="call" onPress={() => void call()} />
        <CallButton kind="hang-up" onPress={() => void hangUp()} />
      </div>
    </section>
  );
}
