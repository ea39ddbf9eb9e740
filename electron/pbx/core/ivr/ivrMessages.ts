import { digitPromptIds } from '../../media';

/** Something the IVR says: the prompts it plays, in order, and the caption the phone shows meanwhile. */
export interface IvrMessage {
  readonly prompts: readonly string[];
  readonly caption: string;
}

/** The hot-desk login IVR's messages. */
export const LOGIN_MESSAGES = {
  enterPin: { prompts: ['enter-pin'], caption: 'Enter your PIN, then press #' },
  wrongPin: { prompts: ['wrong-pin'], caption: 'Wrong PIN — try again' },
  tooManyWrongPins: { prompts: ['too-many-attempts'], caption: 'Too many wrong PINs — goodbye' },
  loggedOut: { prompts: ['logged-out'], caption: 'Logged out' },
  notLoggedIn: { prompts: ['not-logged-in'], caption: 'Not logged in' },
  licenceRequired: { prompts: ['licence-required'], caption: 'Hot desking needs a PRO or Enterprise licence' },
  goodbye: { prompts: ['goodbye'], caption: 'Goodbye' },
} as const satisfies Record<string, IvrMessage>;

/** "Logged in as extension 1 0 0". */
export function loggedInMessage(extension: string): IvrMessage {
  return { prompts: ['logged-in', ...digitPromptIds(extension)], caption: `Logged in as extension ${extension}` };
}

/** The multiple-login policy refused the login: the user, who just proved the PIN, may know why. */
export function notPermittedMessage(): IvrMessage {
  return { prompts: ['not-permitted'], caption: 'Login not permitted — you are logged in on another phone' };
}
