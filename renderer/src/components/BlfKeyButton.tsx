import { useId } from 'react';
import type { BlfKey, BlfState } from '../../../shared/domain/blfLayout';
import { keepFocus } from './focus';
import { Lamp, type LampColour } from './Lamp';
import { LogoutIcon, SpeedDialIcon } from './icons';

const LAMP: Record<BlfState, { colour: LampColour; blinking: boolean; text: string }> = {
  idle: { colour: 'green', blinking: false, text: 'Available' },
  ringing: { colour: 'amber', blinking: true, text: 'Ringing' },
  busy: { colour: 'red', blinking: false, text: 'Busy' },
  offline: { colour: 'off', blinking: false, text: 'Offline' },
  unknown: { colour: 'off', blinking: false, text: 'Unknown' },
};

/** A stroke per state, beside the state's text, so the state never rests on colour alone. */
const STATE_STROKES: Record<BlfState, string> = {
  idle: 'M5 12.5l4.5 4.5L19 7.5',
  ringing: 'M12 4a5 5 0 0 0-5 5v4l-2 3h14l-2-3V9a5 5 0 0 0-5-5zM10 19a2 2 0 0 0 4 0',
  busy: 'M4 12h16M12 4v16',
  offline: 'M12 4a8 8 0 1 0 0 16a8 8 0 1 0 0-16zM6.5 6.5l11 11',
  unknown: 'M9 9a3 3 0 1 1 4 2.8c-.7.3-1 .9-1 1.7V15M12 18.5v.5',
};

function StateIcon({ state }: { state: BlfState }) {
  return (
    <svg className="blf-key__state-icon" viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" focusable="false">
      <path d={STATE_STROKES[state]} fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export interface BlfKeyButtonProps {
  readonly blfKey: BlfKey;
  /** The monitored extension's state; `unknown` for keys that monitor nothing. */
  readonly state: BlfState;
  readonly disabled?: boolean;
  readonly onPress: (key: BlfKey) => void;
}

/**
 * One programmable key: lamp + label. Its name is the label; a monitored extension's state is in `data-state`, in its
 * description ("Ringing"), and shown as colour, icon and text.
 */
export function BlfKeyButton({ blfKey, state, disabled = false, onPress }: BlfKeyButtonProps) {
  const descriptionId = useId();
  const lamp = LAMP[state];
  const monitored = blfKey.type === 'blf';
  return (
    <button
      type="button"
      className="blf-key"
      data-type={blfKey.type}
      data-state={state}
      aria-label={blfKey.label}
      aria-describedby={monitored && lamp.text ? descriptionId : undefined}
      disabled={disabled}
      onMouseDown={keepFocus}
      onClick={() => onPress(blfKey)}
    >
      <span className="blf-key__indicator" aria-hidden="true">
        {blfKey.type === 'logout' ? <LogoutIcon /> : blfKey.type === 'speed-dial' ? <SpeedDialIcon /> : <Lamp colour={lamp.colour} blinking={lamp.blinking} />}
      </span>
      <span className="blf-key__label">{blfKey.label}</span>
      {monitored && lamp.text ? (
        <span className="blf-key__state" id={descriptionId}>
          <StateIcon state={state} />
          {lamp.text}
        </span>
      ) : null}
    </button>
  );
}
