import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PromptSetError } from './promptManifest';
import { WavFormatError, describeWavFormat, isPcm16, parseWav, pcm16Samples } from './wav';

/** Prompts are telephone audio: what PCMU carries without resampling. */
const PROMPT_SAMPLE_RATE = 8000;

/**
 * Reads one prompt file and checks it is an 8 kHz mono 16-bit PCM WAV. Throws PromptSetError naming `file` (the path
 * as written in the manifest) when it is missing, not a WAV file, or in another format.
 */
export function readPromptWav(dir: string, file: string): Int16Array {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path.join(dir, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PromptSetError(code === 'ENOENT' ? `${file}: file not found` : `${file}: ${(error as Error).message}`);
  }
  try {
    const wav = parseWav(bytes);
    if (!isPcm16(wav) || wav.channels !== 1 || wav.sampleRate !== PROMPT_SAMPLE_RATE) {
      throw new PromptSetError(`${file}: ${describeWavFormat(wav)}; expected ${PROMPT_SAMPLE_RATE} Hz mono 16-bit PCM`);
    }
    const samples = pcm16Samples(wav);
    if (samples.length === 0) throw new PromptSetError(`${file}: contains no audio`);
    return samples;
  } catch (error) {
    if (error instanceof WavFormatError) throw new PromptSetError(`${file}: ${error.message}`);
    throw error;
  }
}
