import type { ReactNode } from 'react';
import { keepFocus } from './focus';

export type CallControlKind = 'answer' | 'decline' | 'hold' | 'mute' | 'redial' | 'stay' | 'transfer' | 'swap' | 'emergency';

/**
 * A call control (Answer, Decline, Hold/Resume, Mute/Unmute, Transfer, Swap, Redial; Stay logged in). Its visible text is its accessible name; `active` marks
 * a control whose state is on (held, muted) for styling — the changed name already says it to assistive tech.
 */
export function CallControlButton({
  kind,
  label,
  icon,
  active = false,
  onPress,
}: {
  kind: CallControlKind;
  label: string;
  icon?: ReactNode;
  active?: boolean;
  onPress: () => void;
}) {
  return (
    <button type="button" className="call-control" data-kind={kind} data-active={active || undefined} onMouseDown={keepFocus} onClick={onPress}>
      {icon}
      <span>{label}</span>
    </button>
  );
}
