import { DEFAULT_DIAL_CODES, type DialCodes } from './dialCodes';

export type DialIntent =
  | { kind: 'hotdesk-login'; dialString: string; extension: string }
  | { kind: 'hotdesk-logout'; dialString: string }
  | { kind: 'emergency'; dialString: string }
  | { kind: 'voicemail'; dialString: string }
  | { kind: 'pickup'; dialString: string; extension: string | null }
  | { kind: 'number'; dialString: string }
  | { kind: 'invalid'; dialString: string; reason: string };

export interface DialContext {
  readonly emergencyNumbers: readonly string[];
  readonly dialCodes?: DialCodes;
}

export const MAX_DIAL_LENGTH = 32;
const DIALABLE = /^\+?[0-9*#]+$/;
const DIGITS = /^[0-9]+$/;

/** Turns what the user typed into what the phone should do with it. */
export function classifyDialString(input: string, context: DialContext): DialIntent {
  const dialString = input.replace(/[\s\-().]/g, '');
  const codes = context.dialCodes ?? DEFAULT_DIAL_CODES;
  if (dialString === '') return { kind: 'invalid', dialString, reason: 'Enter a number to call' };
  if (dialString.length > MAX_DIAL_LENGTH) {
    return { kind: 'invalid', dialString, reason: `Numbers are at most ${MAX_DIAL_LENGTH} digits` };
  }
  if (!DIALABLE.test(dialString)) {
    return { kind: 'invalid', dialString, reason: 'Only digits, * and # can be dialled' };
  }
  if (context.emergencyNumbers.includes(dialString)) return { kind: 'emergency', dialString };
  if (dialString === codes.logout) return { kind: 'hotdesk-logout', dialString };
  if (dialString.startsWith(codes.login)) return classifyLogin(dialString, codes.login);
  if (dialString === codes.voicemail) return { kind: 'voicemail', dialString };
  if (dialString.startsWith(codes.pickup)) {
    const target = dialString.slice(codes.pickup.length).replace(/\*$/, '');
    if (target === '') return { kind: 'pickup', dialString, extension: null };
    if (!DIGITS.test(target)) return { kind: 'invalid', dialString, reason: `Pickup is ${codes.pickup}<extension>` };
    return { kind: 'pickup', dialString, extension: target };
  }
  return { kind: 'number', dialString };
}

function classifyLogin(dialString: string, loginCode: string): DialIntent {
  const rest = dialString.slice(loginCode.length);
  const usage = `To log in, dial ${loginCode}<extension>*`;
  if (!rest.endsWith('*')) return { kind: 'invalid', dialString, reason: `${usage} (end with *)` };
  const extension = rest.slice(0, -1);
  if (!DIGITS.test(extension)) return { kind: 'invalid', dialString, reason: usage };
  return { kind: 'hotdesk-login', dialString, extension };
}

/** An idle (logged-out) hot-desk device may dial only emergency numbers and the hot-desk codes. */
export function isAllowedWhileIdle(intent: DialIntent): boolean {
  return intent.kind === 'emergency' || intent.kind === 'hotdesk-login' || intent.kind === 'hotdesk-logout';
}

export const IDLE_DEVICE_REFUSAL = 'Log in to call this number: only emergency numbers can be dialled';
