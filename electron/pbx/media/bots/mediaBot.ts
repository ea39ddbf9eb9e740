import { setTimeout as sleep } from 'node:timers/promises';
import type { MediaEndpoint, PlayOutcome } from '../mediaEndpoint';
import type { ResolvedPrompt } from '../promptSet';

/** What a bot needs from the media endpoint (a fake in unit tests). */
export type BotEndpoint = Pick<MediaEndpoint, 'play' | 'playTone' | 'onAudio' | 'sendPcm'>;

/** Where bots get their prompts: the PBX's PromptLibrary, with its file-not-found fallback. */
export interface PromptSource {
  resolvePrompt(id: string): ResolvedPrompt;
}

export interface Caption {
  /** The prompt id that was asked for. */
  prompt: string;
  /** The words being played (what the phone shows). */
  text: string;
}

/**
 * A bot is a media behaviour over one answered call leg, with no signalling: the signalling layer answers the call,
 * hands the connected endpoint to start(), shows the captions, and calls stop() on hang-up.
 */
export interface MediaBot {
  start(endpoint: BotEndpoint): void;
  stop(): void;
  /** The texts of the prompts the bot plays, in order (a looping bot lists its prompt once). */
  captions(): string[];
  /** Called as each prompt starts playing, with the text actually played (e.g. "File not found." as a fallback). */
  onCaption(listener: (caption: Caption) => void): () => void;
  /** Resolves when the bot's script has finished or it was stopped. */
  readonly done: Promise<void>;
}

export interface BotOptions {
  prompts: PromptSource;
  /** Pause helper (injected by tests); must resolve early when the signal aborts. */
  wait?: (ms: number, signal: AbortSignal) => Promise<void>;
}

const defaultWait = (ms: number, signal: AbortSignal): Promise<void> => sleep(ms, undefined, { signal }).catch(() => undefined);

/** Plumbing shared by the bots: caption listeners, stop signal, one run at a time. */
export function createBot(
  options: BotOptions,
  promptIds: readonly string[],
  script: (context: BotContext) => Promise<void>,
): MediaBot {
  const listeners = new Set<(caption: Caption) => void>();
  const controller = new AbortController();
  let started = false;
  let finished!: () => void;
  const done = new Promise<void>((resolve) => (finished = resolve));
  const wait = options.wait ?? defaultWait;

  return {
    start(endpoint) {
      if (started) throw new Error('bot already started');
      started = true;
      const context: BotContext = {
        endpoint,
        signal: controller.signal,
        wait: (ms) => wait(ms, controller.signal),
        async say(id) {
          const prompt = options.prompts.resolvePrompt(id);
          if (controller.signal.aborted) return 'aborted';
          for (const listener of [...listeners]) listener({ prompt: id, text: prompt.text });
          return endpoint.play(prompt.pcm, { signal: controller.signal });
        },
        async speak(caption, pcm) {
          if (controller.signal.aborted) return 'aborted';
          for (const listener of [...listeners]) listener(caption);
          return endpoint.play(pcm, { signal: controller.signal });
        },
      };
      void script(context)
        .catch(() => undefined)
        .finally(finished);
    },
    stop() {
      controller.abort();
      if (!started) finished();
    },
    captions: () => promptIds.map((id) => options.prompts.resolvePrompt(id).text),
    onCaption(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    done,
  };
}

export interface BotContext {
  endpoint: BotEndpoint;
  signal: AbortSignal;
  wait(ms: number): Promise<void>;
  /** Plays a prompt (with fallback), announcing its caption first. */
  say(id: string): Promise<PlayOutcome>;
  /** Plays audio that no prompt holds (e.g. synthesised speech), announcing its caption first. */
  speak(caption: Caption, pcm: Int16Array): Promise<PlayOutcome>;
}
