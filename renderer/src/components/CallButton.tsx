import { keepFocus } from './focus';
import { HandsetIcon, HangUpIcon } from './icons';

/** The big green Call and red Hang up buttons; the visible text is the accessible name. */
export function CallButton({ kind, onPress }: { kind: 'call' | 'hang-up'; onPress: () => void }) {
  return (
    <button type="button" className="call-button" data-kind={kind} onMouseDown={keepFocus} onClick={onPress}>
      {kind === 'call' ? <HandsetIcon /> : <HangUpIcon />}
      <span>{kind === 'call' ? 'Call' : 'Hang up'}</span>
    </button>
  );
}
