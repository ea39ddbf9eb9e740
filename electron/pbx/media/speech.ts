import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { resample } from './resample';
import { parseWav, pcm16Samples } from './wav';

const run = promisify(execFile);
/** The voice and speed of the bundled prompts (scripts/make-prompts.ts), so a spoken sentence sounds like them. */
const VOICE = 'en-gb';
const WORDS_PER_MINUTE = '150';
const TELEPHONE_RATE = 8000;
const TIMEOUT_MS = 5000;
const CACHE_SIZE = 32;

const cache = new Map<string, Promise<Int16Array | null>>();

/**
 * Speaks a sentence that no prompt file holds (e.g. a caller's location) with espeak-ng, as 8 kHz samples; null
 * when espeak-ng is not installed (as in the packaged app) or fails, and the caller plays a prompt instead. Results
 * are kept for the last few sentences: a desk's location is the same sentence every time.
 */
export function synthesizeSpeech(text: string, espeak = process.env.ESPEAK_NG ?? 'espeak-ng'): Promise<Int16Array | null> {
  const key = `${espeak}\n${text}`;
  let speech = cache.get(key);
  if (!speech) {
    speech = speak(text, espeak);
    cache.set(key, speech);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  }
  return speech;
}

async function speak(text: string, espeak: string): Promise<Int16Array | null> {
  // espeak-ng's --stdout WAV has no real length in its header; a file has.
  const dir = await mkdtemp(path.join(tmpdir(), 'hotdesk-speech-'));
  try {
    const file = path.join(dir, 'speech.wav');
    await run(espeak, ['-v', VOICE, '-s', WORDS_PER_MINUTE, '-w', file, '--', text], { timeout: TIMEOUT_MS });
    const wav = parseWav(await readFile(file));
    return wav.channels === 1 ? resample(pcm16Samples(wav), wav.sampleRate, TELEPHONE_RATE) : null;
  } catch {
    return null;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
