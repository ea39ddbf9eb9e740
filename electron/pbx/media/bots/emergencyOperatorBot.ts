import { type BotOptions, type MediaBot, createBot } from './mediaBot';

export interface EmergencyOperatorBotOptions extends BotOptions {
  /** Pause between repeats of the notice. Default 2 s. */
  pauseMs?: number;
}

/**
 * The demo emergency operator (PRODUCT.md §7): answers emergency numbers in demo mode and repeats that this is a
 * demonstration and no real service was contacted, until the caller hangs up.
 */
export function createEmergencyOperatorBot(options: EmergencyOperatorBotOptions): MediaBot {
  const pauseMs = options.pauseMs ?? 2000;
  return createBot(options, ['emergency-notice'], async ({ say, wait, signal }) => {
    do {
      if ((await say('emergency-notice')) !== 'completed') return;
      await wait(pauseMs);
    } while (!signal.aborted);
  });
}
