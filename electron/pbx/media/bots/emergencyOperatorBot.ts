import { type BotOptions, type MediaBot, createBot } from './mediaBot';

/** The caption id of the operator's answer naming the caller's location. */
export const OPERATOR_ANSWER = 'operator-answer';

export interface EmergencyOperatorBotOptions extends BotOptions {
  /** Pause between repeats of the notice. Default 2 s. */
  pauseMs?: number;
  /**
   * The operator's answer ("Emergency service (demo). Your location: …") and its speech, null when it could not be
   * synthesised: the answer is then shown as a caption only, and the recorded notice speaks.
   */
  answer?: { text: string; speech: Promise<Int16Array | null> };
}

/**
 * The demo emergency operator: answers emergency numbers in demo mode with the location it received, then repeats
 * that this is a demonstration and no real service was contacted, until the caller hangs up.
 */
export function createEmergencyOperatorBot(options: EmergencyOperatorBotOptions): MediaBot {
  const pauseMs = options.pauseMs ?? 2000;
  const { answer } = options;
  return createBot(options, ['emergency-notice'], async ({ say, speak, wait, signal }) => {
    if (answer) {
      const speech = await answer.speech;
      if (speech) {
        if ((await speak({ prompt: OPERATOR_ANSWER, text: answer.text }, speech)) !== 'completed') return;
        await wait(pauseMs / 4);
      }
    }
    do {
      if ((await say('emergency-notice')) !== 'completed') return;
      await wait(pauseMs);
    } while (!signal.aborted);
  });
}
