import type { Clock } from '../../../sip';
import type { HotDeskLogins } from '../hotdesk/hotDeskLogins';
import type { IvrLine } from './ivrLine';
import { LOGIN_MESSAGES, loggedInMessage, notPermittedMessage, type IvrMessage } from './ivrMessages';
import { PinEntry, type PinEntryResult } from './pinEntry';

/** Wrong PINs in one call before the IVR says goodbye. */
export const MAX_PIN_ATTEMPTS = 3;
/** Prompts in a row that get no answer before the IVR says goodbye. */
export const MAX_SILENT_PROMPTS = 3;

export interface LoginDialogueDeps {
  logins: Pick<HotDeskLogins, 'licensed' | 'checkPin' | 'login' | 'logout'>;
  clock: Clock;
  interDigitMs?: number;
}

/**
 * `*77*<ext>*`: the PIN, up to three tries, then the login (or the roam: the device may already be someone's).
 * Unknown, non-hot-desking and locked extensions get exactly the wrong-PIN dialogue. Returns when the IVR has
 * said its last word; the caller hangs up.
 */
export async function runLoginDialogue(line: IvrLine, deps: LoginDialogueDeps, deviceName: string, extension: string): Promise<void> {
  if (!deps.logins.licensed()) {
    await line.say(LOGIN_MESSAGES.licenceRequired);
    return;
  }
  let prompt: IvrMessage = LOGIN_MESSAGES.enterPin;
  let wrong = 0;
  let silent = 0;
  for (;;) {
    const entry = await collectPin(line, deps, prompt);
    if (entry.kind === 'cancelled') return;
    if (entry.kind === 'no-input') {
      silent += 1;
      if (silent >= MAX_SILENT_PROMPTS) {
        await line.say(LOGIN_MESSAGES.goodbye);
        return;
      }
      prompt = LOGIN_MESSAGES.enterPin;
      continue;
    }
    silent = 0;
    const verdict = await deps.logins.checkPin(deviceName, extension, entry.pin);
    if (line.ended) return; // the caller gave up while the PIN was checked: no login behind their back
    if (verdict === 'accepted') {
      const outcome = await deps.logins.login(deviceName, extension);
      await line.say(outcome.kind === 'logged-in' ? loggedInMessage(extension) : notPermittedMessage());
      return;
    }
    wrong += 1;
    if (wrong >= MAX_PIN_ATTEMPTS) {
      await line.say(LOGIN_MESSAGES.tooManyWrongPins);
      return;
    }
    prompt = LOGIN_MESSAGES.wrongPin;
  }
}

/** `*77*5*`: logs the device out at once, then says so (or that nobody was logged in). */
export async function runLogoutDialogue(line: IvrLine, deps: Pick<LoginDialogueDeps, 'logins'>, deviceName: string): Promise<void> {
  const loggedOut = await deps.logins.logout(deviceName, 'user', 'dialled the logout code');
  await line.say(loggedOut ? LOGIN_MESSAGES.loggedOut : LOGIN_MESSAGES.notLoggedIn);
}

/** Says `prompt` (a key cuts it short) and collects one PIN; keys typed ahead count and skip the prompt. */
async function collectPin(line: IvrLine, deps: LoginDialogueDeps, prompt: IvrMessage): Promise<PinEntryResult> {
  const entry = new PinEntry({ clock: deps.clock, ...(deps.interDigitMs === undefined ? {} : { interDigitMs: deps.interDigitMs }) });
  const stopKeys = line.onKey((key) => entry.press(key));
  const stopEnded = line.onEnded(() => entry.cancel());
  try {
    if (entry.typed > 0) entry.promptFinished();
    else if ((await line.say(prompt, { interruptible: true })) === 'ended') entry.cancel();
    else entry.promptFinished();
    return await entry.result;
  } finally {
    stopKeys();
    stopEnded();
  }
}
