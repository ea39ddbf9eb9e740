import { useMemo } from 'react';
import { CallControlButton } from '../../components/CallControlButton';
import { HandsetIcon, HangUpIcon, MicrophoneIcon, PauseIcon, PlayIcon } from '../../components/icons';
import { callControls } from '../../phone/callLines';
import { useAppStore } from '../../store/StoreProvider';
import { callsSelectors } from '../../store/selectors';
import { OtherCalls } from './OtherCalls';
import { TransferControls } from './TransferControls';

/**
 * The call controls, in the column left of the keypad while there is a call: Answer/Decline while
 * it rings here, Hold/Resume, Mute/Unmute and Transfer once it is established, and the other calls (a caller waiting,
 * held calls to swap to). Controls that do not apply are not there at all (`phone/callLines.ts` decides).
 */
export function CallPanel() {
  const call = useAppStore(callsSelectors.call);
  const calls = useAppStore(callsSelectors.calls);
  const transferring = useAppStore(callsSelectors.transferring);
  const answer = useAppStore((state) => state.answer);
  const decline = useAppStore((state) => state.decline);
  const toggleHold = useAppStore((state) => state.toggleHold);
  const toggleMute = useAppStore((state) => state.toggleMute);
  const emergencyNumber = useAppStore(callsSelectors.emergencyCallNumber);
  const callEmergency = useAppStore((state) => state.callEmergency);
  const controls = useMemo(() => callControls(calls), [calls]);
  if (!call) return null;

  return (
    <section className="call-panel" aria-label="Call controls" data-phase={call.phase}>
      <h2 className="panel-title" aria-hidden="true">
        Call
      </h2>
      {controls.answer ? (
        <div className="call-panel__row">
          <CallControlButton kind="answer" label="Answer" icon={<HandsetIcon />} onPress={() => void answer()} />
          <CallControlButton kind="decline" label="Decline" icon={<HangUpIcon />} onPress={() => void decline()} />
        </div>
      ) : null}
      {controls.hold && !transferring ? (
        <div className="call-panel__row">
          <CallControlButton
            kind="hold"
            label={call.held ? 'Resume' : 'Hold'}
            icon={call.held ? <PlayIcon /> : <PauseIcon />}
            active={call.held}
            onPress={() => void toggleHold()}
          />
          {controls.mute ? (
            <CallControlButton
              kind="mute"
              label={call.muted ? 'Unmute' : 'Mute'}
              icon={<MicrophoneIcon crossed={call.muted} />}
              active={call.muted}
              onPress={toggleMute}
            />
          ) : null}
        </div>
      ) : null}
      <TransferControls controls={controls}>
        {/* Beside Transfer: an emergency call puts this call on hold (README, "Emergency calls"). */}
        {emergencyNumber !== null ? <CallControlButton kind="emergency" label={`Call ${emergencyNumber}`} onPress={() => void callEmergency()} /> : null}
      </TransferControls>
      <OtherCalls controls={controls} />
      <p className="call-panel__hint">{transferring ? TRANSFER_HINT : hintFor(call.phase)}</p>
    </section>
  );
}

const TRANSFER_HINT = 'Type the number to transfer to, then Transfer now (or Enter), or Call first to speak to them before.';

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
