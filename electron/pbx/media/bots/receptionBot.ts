import { type BotOptions, type MediaBot, createBot } from './mediaBot';

export interface ReceptionBotOptions extends BotOptions {
  /** Silence between repeats of the greeting; null plays it once and then holds the line silently. Default 10 s. */
  repeatAfterMs?: number | null;
}

/** Extension 0, "Reception": plays the greeting, then stays on the line repeating it every ~10 s until hung up. */
export function createReceptionBot(options: ReceptionBotOptions): MediaBot {
  const repeatAfterMs = options.repeatAfterMs === undefined ? 10_000 : options.repeatAfterMs;
  return createBot(options, ['greeting'], async ({ say, wait, signal }) => {
    do {
      if ((await say('greeting')) !== 'completed') return;
      if (repeatAfterMs === null) return;
      await wait(repeatAfterMs);
    } while (!signal.aborted);
  });
}
