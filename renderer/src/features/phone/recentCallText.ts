import { formatCallDuration } from '../../phone/callTimer';
import type { CallRecord } from '../../store/types';

/** `Missed: 101 Bob Brown`, `From …`, `To …`, `To … (no answer)`. */
export function describeRecord(call: CallRecord): string {
  const party = call.name && call.name !== call.number ? `${call.number} ${call.name}`.trim() : call.number || call.name;
  switch (call.outcome) {
    case 'missed':
      return `Missed: ${party}`;
    case 'answered':
      return `${call.direction === 'incoming' ? 'From' : 'To'} ${party}`;
    case 'unanswered':
      return `To ${party} (no answer)`;
  }
}

/** `01:05` (as the call timer showed it); empty for a call never answered. */
export function describeDuration(seconds: number): string {
  return seconds > 0 ? formatCallDuration(seconds * 1000) : '';
}
