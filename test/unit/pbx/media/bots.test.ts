import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { ECHO_TONE, createEchoBot } from '../../../../electron/pbx/media/bots/echoBot';
import { createEmergencyOperatorBot } from '../../../../electron/pbx/media/bots/emergencyOperatorBot';
import type { BotEndpoint, Caption, PromptSource } from '../../../../electron/pbx/media/bots/mediaBot';
import { createReceptionBot } from '../../../../electron/pbx/media/bots/receptionBot';
import type { PlayOutcome } from '../../../../electron/pbx/media/mediaEndpoint';
import { PROMPT_TEXTS } from '../../../../electron/pbx/media/promptCatalog';
import { openPromptLibrary } from '../../../../electron/pbx/media/promptSet';

const prompts = openPromptLibrary(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../assets/prompts'));

interface PendingPlay {
  what: Int16Array | string;
  finish(outcome: PlayOutcome): void;
}

/** An endpoint whose plays finish when the test says so (or when aborted). */
function fakeEndpoint() {
  const plays: PendingPlay[] = [];
  const sent: Int16Array[] = [];
  const audioListeners = new Set<(pcm: Int16Array) => void>();
  const pending = (what: Int16Array | string, signal?: AbortSignal) =>
    new Promise<PlayOutcome>((resolve) => {
      plays.push({ what, finish: resolve });
      signal?.addEventListener('abort', () => resolve('aborted'), { once: true });
    });
  const endpoint: BotEndpoint = {
    play: (pcm, options) => pending(pcm, options?.signal),
    playTone: (tone, options) => pending(`tone ${tone.frequencyHz} Hz ${tone.durationMs} ms`, options?.signal),
    sendPcm: (pcm) => void sent.push(pcm),
    onAudio: (listener) => {
      audioListeners.add(listener);
      return () => audioListeners.delete(listener);
    },
  };
  return { endpoint, plays, sent, receive: (pcm: Int16Array) => audioListeners.forEach((listener) => listener(pcm)), audioListeners };
}

/** A pause helper whose pauses end when the test says so. */
function fakeWait() {
  const waits: { ms: number; end(): void }[] = [];
  const wait = (ms: number, signal: AbortSignal) =>
    new Promise<void>((resolve) => {
      waits.push({ ms, end: resolve });
      signal.addEventListener('abort', () => resolve(), { once: true });
    });
  return { waits, wait };
}

describe('reception bot (extension 0)', () => {
  it('plays the greeting with its caption, then repeats it every 10 s until stopped', async () => {
    const { endpoint, plays } = fakeEndpoint();
    const { waits, wait } = fakeWait();
    const bot = createReceptionBot({ prompts, wait });
    const captions: Caption[] = [];
    bot.onCaption((caption) => captions.push(caption));
    expect(bot.captions()).toEqual([PROMPT_TEXTS.greeting]);
    bot.start(endpoint);
    await vi.waitFor(() => expect(plays).toHaveLength(1));
    expect(plays[0]?.what).toBe(prompts.get('greeting')?.pcm);
    expect(captions).toEqual([{ prompt: 'greeting', text: PROMPT_TEXTS.greeting }]);
    plays[0]?.finish('completed');
    await vi.waitFor(() => expect(waits).toHaveLength(1));
    expect(waits[0]?.ms).toBe(10_000);
    waits[0]?.end();
    await vi.waitFor(() => expect(plays).toHaveLength(2));
    expect(captions).toHaveLength(2);
    bot.stop();
    await bot.done;
    expect(plays).toHaveLength(2);
  });

  it('holds the line silently after one greeting when repeating is off', async () => {
    const { endpoint, plays } = fakeEndpoint();
    const bot = createReceptionBot({ prompts, repeatAfterMs: null, wait: fakeWait().wait });
    bot.start(endpoint);
    await vi.waitFor(() => expect(plays).toHaveLength(1));
    plays[0]?.finish('completed');
    await bot.done;
    expect(plays).toHaveLength(1);
  });

  it('ends its script when the call ends during a prompt', async () => {
    const { endpoint, plays } = fakeEndpoint();
    const bot = createReceptionBot({ prompts, wait: fakeWait().wait });
    bot.start(endpoint);
    await vi.waitFor(() => expect(plays).toHaveLength(1));
    plays[0]?.finish('closed');
    await bot.done;
  });
});

describe('echo bot (extension 200)', () => {
  it('plays the intro and a tone, then sends every received frame straight back until stopped', async () => {
    const { endpoint, plays, sent, receive, audioListeners } = fakeEndpoint();
    const bot = createEchoBot({ prompts });
    expect(bot.captions()).toEqual([PROMPT_TEXTS['echo-intro']]);
    bot.start(endpoint);
    await vi.waitFor(() => expect(plays).toHaveLength(1));
    expect(plays[0]?.what).toBe(prompts.get('echo-intro')?.pcm);
    receive(new Int16Array(160)); // talking over the intro is not echoed
    plays[0]?.finish('completed');
    await vi.waitFor(() => expect(plays).toHaveLength(2));
    expect(plays[1]?.what).toBe(`tone ${ECHO_TONE.frequencyHz} Hz ${ECHO_TONE.durationMs} ms`);
    plays[1]?.finish('completed');
    await vi.waitFor(() => expect(audioListeners.size).toBe(1));
    const frame = Int16Array.from({ length: 160 }, (_, i) => i * 10);
    receive(frame);
    expect(sent).toEqual([frame]);
    bot.stop();
    await bot.done;
    expect(audioListeners.size).toBe(0);
    receive(frame);
    expect(sent).toHaveLength(1);
  });
});

describe('emergency operator bot', () => {
  it('repeats the notice with a pause until stopped', async () => {
    const { endpoint, plays } = fakeEndpoint();
    const { waits, wait } = fakeWait();
    const bot = createEmergencyOperatorBot({ prompts, wait });
    expect(bot.captions()).toEqual([PROMPT_TEXTS['emergency-notice']]);
    bot.start(endpoint);
    await vi.waitFor(() => expect(plays).toHaveLength(1));
    plays[0]?.finish('completed');
    await vi.waitFor(() => expect(waits).toHaveLength(1));
    expect(waits[0]?.ms).toBe(2000);
    waits[0]?.end();
    await vi.waitFor(() => expect(plays).toHaveLength(2));
    expect(plays[1]?.what).toBe(prompts.get('emergency-notice')?.pcm);
    bot.stop();
    await bot.done;
  });

  it('captions what is actually played when the prompt is missing (file not found)', async () => {
    const notFound = prompts.get('file-not-found');
    const broken: PromptSource = {
      resolvePrompt: (id) => ({ requested: id, played: 'file-not-found', pcm: notFound?.pcm ?? new Int16Array(), text: 'File not found.', fallback: 'missing' }),
    };
    const { endpoint, plays } = fakeEndpoint();
    const bot = createEmergencyOperatorBot({ prompts: broken, wait: fakeWait().wait });
    const captions: Caption[] = [];
    bot.onCaption((caption) => captions.push(caption));
    expect(bot.captions()).toEqual(['File not found.']);
    bot.start(endpoint);
    await vi.waitFor(() => expect(plays).toHaveLength(1));
    expect(captions).toEqual([{ prompt: 'emergency-notice', text: 'File not found.' }]);
    bot.stop();
    await bot.done;
  });

  it('speaks its answer with the location first when it could be synthesised, then the notice', async () => {
    const speech = new Int16Array([1, 2, 3]);
    const { endpoint, plays } = fakeEndpoint();
    const { waits, wait } = fakeWait();
    const text = 'Emergency service (demo). Your location: HQ, Floor 2';
    const bot = createEmergencyOperatorBot({ prompts, wait, answer: { text, speech: Promise.resolve(speech) } });
    const captions: Caption[] = [];
    bot.onCaption((caption) => captions.push(caption));
    bot.start(endpoint);
    await vi.waitFor(() => expect(plays).toHaveLength(1));
    expect(plays[0]?.what).toBe(speech);
    plays[0]?.finish('completed');
    await vi.waitFor(() => expect(waits).toHaveLength(1));
    waits[0]?.end();
    await vi.waitFor(() => expect(plays).toHaveLength(2));
    expect(plays[1]?.what).toBe(prompts.get('emergency-notice')?.pcm);
    expect(captions.map((caption) => caption.text)).toEqual([text, PROMPT_TEXTS['emergency-notice']]);
    bot.stop();
    await bot.done;
  });

  it('plays the recorded notice straight away when the answer could not be synthesised', async () => {
    const { endpoint, plays } = fakeEndpoint();
    const bot = createEmergencyOperatorBot({ prompts, wait: fakeWait().wait, answer: { text: 'x', speech: Promise.resolve(null) } });
    bot.start(endpoint);
    await vi.waitFor(() => expect(plays).toHaveLength(1));
    expect(plays[0]?.what).toBe(prompts.get('emergency-notice')?.pcm);
    bot.stop();
    await bot.done;
  });

  it('can be stopped before it starts, and refuses a second start', async () => {
    const bot = createEmergencyOperatorBot({ prompts });
    bot.stop();
    await bot.done;
    const other = createEmergencyOperatorBot({ prompts, wait: fakeWait().wait });
    other.start(fakeEndpoint().endpoint);
    expect(() => other.start(fakeEndpoint().endpoint)).toThrow(/already started/);
    other.stop();
    await other.done;
  });
});
