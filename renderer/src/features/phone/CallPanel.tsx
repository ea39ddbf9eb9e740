import { CallControlButton } from '../../components/CallControlButton';
import { HandsetIcon, HangUpIcon, MicrophoneIcon, PauseIcon, PlayIcon } from '../../components/icons';
import { useAppStore } from '../../store/StoreProvider';
import { callsSelectors } from '../../store/selectors';

/**
 * The call controls, in the column left of the keypad while there is a call: Answer/Decline while
 * it rings here, Hold/Resume and Mute/Unmute once it is established. Controls that do not apply are not there at all.
 */
export function CallPanel() {
  const call = useAppStore(callsSelectors.call);
  const answer = useAppStore((state) => state.answer);
  const decline = useAppStore((state) => state.decline);
  const toggleHold = useAppStore((state) => state.toggleHold);
  const toggleMute = useAppStore((state) => state.toggleMute);
  if (!call) return null;

  return (
    <section className="call-panel" aria-label="Call controls" data-phase={call.phase}>
      <h2 className="panel-title" aria-hidden="true">
        Call
      </h2>
      {call.phase === 'incoming' ? (
        <div className="call-panel__row">
          <CallControlButton kind="answer" label="Answer" icon={<HandsetIcon />} onPress={() => void answer()} />
          <CallControlButton kind="decline" label="Decline" icon={<HangUpIcon />} onPress={() => void decline()} />
        </div>
      ) : null}
      {call.phase === 'active' ? (
        <div className="call-panel__row">
          <CallControlButton
            kind="hold"
            label={call.held ? 'Resume' : 'Hold'}
            icon={call.held ? <PlayIcon /> : <PauseIcon />}
            active={call.held}
            onPress={() => void toggleHold()}
          />
          <CallControlButton
            kind="mute"
            label={call.muted ? 'Unmute' : 'Mute'}
            icon={<MicrophoneIcon crossed={call.muted} />}
            active={call.muted}
            onPress={toggleMute}
          />
        </div>
      ) : null}
      <p className="call-panel__hint">{hintFor(call.phase)}</p>
    </section>
  );
}

function hintFor(phase: string): string {
  switch (phase) {
    case 'incoming':
      return 'Answer with the Call key or Enter; Decline or Hang up sends the caller a busy signal.';
    case 'active':
      return 'Keys send tones (DTMF) during the call. Hang up ends it.';
    default:
      return 'Hang up cancels the call.';
  }
}
