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
  unknown: { colour: 'off', blinking: false, text: '' },
};

export interface BlfKeyButtonProps {
  readonly blfKey: BlfKey;
  /** The monitored extension's state; `unknown` for keys that monitor nothing. */
  readonly state: BlfState;
  readonly disabled?: boolean;
  readonly onPress: (key: BlfKey) => void;
}

/** One programmable key: lamp + label. Its name is the label; its state is in `data-state` and its description. */
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
          {lamp.text}
        </span>
      ) : null}
    </button>
  );
}
