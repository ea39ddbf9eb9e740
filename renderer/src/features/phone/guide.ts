import type { DeviceIdentity } from '../../../../shared/contracts';
import { DEFAULT_DIAL_CODES } from '../../../../shared/domain/dialCodes';

export interface GuideSection {
  readonly title: string;
  readonly lines: readonly string[];
}

const KEYBOARD: GuideSection = { title: 'Keyboard', lines: ['Digits, * and # dial · Backspace deletes', 'Enter calls · Esc clears'] };

/**
 * The walk-up help beside the keypad: what this phone can do for you right now. `identity` undefined means the device
 * is not known yet (starting, or the host is unreachable): then only the keyboard help applies.
 */
export function guideFor(identity: DeviceIdentity | null | undefined, emergencyNumbers: readonly string[]): GuideSection[] {
  if (identity === undefined) return [KEYBOARD];
  const { login, logout } = DEFAULT_DIAL_CODES;
  const sections: GuideSection[] = [];
  switch (identity?.kind) {
    case undefined: // null: known to be unprovisioned
      sections.push({
        title: 'Waiting to be set up',
        lines: ['An administrator assigns this desk in the console under Phones.'],
      });
      break;
    case 'pool':
      sections.push({
        title: 'Log in',
        lines: [`Key in ${login}, your extension and * — e.g. ${login}100*`, 'Press Call, then enter your PIN and #'],
      });
      break;
    case 'user':
      sections.push({
        title: 'Log out',
        lines: [`Press the Logout key or dial ${logout}`, `To switch user, dial ${login}<extension>*`],
      });
      break;
    case 'account':
      break;
  }
  if (emergencyNumbers.length > 0) {
    sections.push({
      title: 'Emergency',
      lines: [`${joinOr(emergencyNumbers)} — always available, no login needed`],
    });
  }
  sections.push(KEYBOARD);
  return sections;
}

function joinOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
