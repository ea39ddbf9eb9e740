import { CallControlButton } from '../../components/CallControlButton';
import { HandsetIcon, HangUpIcon, TransferIcon } from '../../components/icons';
import type { CallControls } from '../../phone/callLines';
import { partyLabel } from '../../phone/callView';
import { useAppStore } from '../../store/StoreProvider';

/**
 * The calls besides the one on the display: a caller waiting (Answer puts the current call on hold, Decline sends them
 * busy) and each held call, with "Swap to …" to go over to it.
 */
export function OtherCalls({ controls }: { controls: CallControls }) {
  const answer = useAppStore((state) => state.answer);
  const decline = useAppStore((state) => state.decline);
  const swapTo = useAppStore((state) => state.swapTo);
  const { waiting } = controls;

  return (
    <>
      {waiting ? (
        <section className="call-panel__other" aria-label="Waiting call" data-kind="waiting">
          <p className="call-panel__party">
            <strong>{partyLabel(waiting)}</strong> is calling
          </p>
          <div className="call-panel__row">
            <CallControlButton kind="answer" label="Answer" icon={<HandsetIcon />} onPress={() => void answer()} />
            <CallControlButton kind="decline" label="Decline" icon={<HangUpIcon />} onPress={() => void decline()} />
          </div>
        </section>
      ) : null}
      {controls.swapTo.map((call) => (
        <section key={call.id} className="call-panel__other" aria-label="Held call" data-kind="held">
          <p className="call-panel__party">
            <strong>{partyLabel(call)}</strong> on hold
          </p>
          <CallControlButton kind="swap" label={`Swap to ${partyLabel(call)}`} icon={<TransferIcon />} onPress={() => void swapTo(call.id)} />
        </section>
      ))}
    </>
  );
}
