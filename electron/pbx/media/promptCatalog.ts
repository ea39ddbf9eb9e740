/**
 * The system prompts the PBX speaks, with their exact texts (also shown as captions on the phone), and the prompt-set
 * version this PBX requires. `scripts/make-prompts.ts` generates the bundled set from this list; bump
 * PROMPT_SET_VERSION whenever a text is added or changed, so installed older sets are reported as outdated.
 */
export const PROMPT_SET_VERSION = 2;

export const PROMPT_LANGUAGE = 'en';

const DIGIT_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'] as const;

export const PROMPT_TEXTS = {
  greeting: 'Welcome to Hotdesk. Reception speaking. This is a demo, please hold.',
  'echo-intro': 'Echo test. Speak after the tone and you will hear yourself.',
  'emergency-notice':
    'This is the Hotdesk demo emergency operator. This is a demonstration. No real emergency service has been contacted. Your location has been received.',
  'enter-pin': 'Please enter your PIN, then press pound.',
  'logged-in': 'Logged in as extension',
  'logged-out': 'You are logged out.',
  'not-logged-in': 'You are not logged in.',
  'wrong-pin': 'That PIN is not correct. Please try again.',
  'not-permitted': 'Hot desking login is not permitted.',
  'too-many-attempts': 'Too many wrong PINs. Goodbye.',
  forbidden: 'Forbidden.',
  'file-not-found': 'File not found.',
  goodbye: 'Goodbye.',
  'licence-required': 'Hot desking needs a PRO or Enterprise licence.',
  ...Object.fromEntries(DIGIT_WORDS.map((word, digit) => [`digit-${digit}`, word])),
} as Readonly<Record<string, string>>;

/** Every prompt id the PBX may ask for, in catalogue order. */
export const REQUIRED_PROMPT_IDS: readonly string[] = Object.keys(PROMPT_TEXTS);

/** The prompt played in place of a missing one, and for every prompt while the installed set is outdated. */
export const FALLBACK_PROMPT_ID = 'file-not-found';

/** Prompt ids that speak a digit string, e.g. "101" → digit-1, digit-0, digit-1 (non-digits are skipped). */
export function digitPromptIds(digits: string): string[] {
  return [...digits].filter((char) => char >= '0' && char <= '9').map((digit) => `digit-${digit}`);
}
