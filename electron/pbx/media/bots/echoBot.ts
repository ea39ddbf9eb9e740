import { type BotOptions, type MediaBot, createBot } from './mediaBot';

/** The beep after the intro ("Speak after the tone"). */
export const ECHO_TONE = { frequencyHz: 1000, durationMs: 300 } as const;

/**
 * Extension 200, "Echo test": plays the intro and a tone, then sends every received audio frame straight back
 * (no added delay) until hung up.
 */
export function createEchoBot(options: BotOptions): MediaBot {
  return createBot(options, ['echo-intro'], async ({ endpoint, say, signal }) => {
    if ((await say('echo-intro')) !== 'completed') return;
    if ((await endpoint.playTone(ECHO_TONE, { signal })) !== 'completed') return;
    if (signal.aborted) return;
    const unsubscribe = endpoint.onAudio((pcm) => endpoint.sendPcm(pcm));
    await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
    unsubscribe();
  });
}
