/**
 * Generates the bundled system prompt set with Debian's espeak-ng.
 *
 *   npx tsx scripts/make-prompts.ts            (needs /usr/bin/espeak-ng: apt-get install -y espeak-ng)
 *
 * Writes assets/prompts/en/<id>.wav (8 kHz mono 16-bit PCM, silence trimmed, peak-normalised) and
 * assets/prompts/manifest.json { version, language, prompts: { <id>: { file, text } } } from
 * electron/pbx/media/promptCatalog.ts. The output is deterministic for a given espeak-ng version; commit it.
 * After changing a text, bump PROMPT_SET_VERSION in the catalogue and run this again.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROMPT_LANGUAGE, PROMPT_SET_VERSION, PROMPT_TEXTS } from '../electron/pbx/media/promptCatalog';
import { resample } from '../electron/pbx/media/resample';
import { describeWavFormat, parseWav, pcm16Samples, writeWav } from '../electron/pbx/media/wav';

const ESPEAK = process.env.ESPEAK_NG ?? 'espeak-ng';
const VOICE = 'en-gb';
const WORDS_PER_MINUTE = '150';
const RATE = 8000;
/** Samples below this magnitude at the ends count as silence (about -50 dBFS). */
const SILENCE = 100;
/** Silence kept before and after the speech, so prompts can be chained (e.g. "extension" + digits). */
const PAD_MS = 40;
/** Peak level after normalising (about -3 dBFS). */
const PEAK = 0.7 * 32767;

/**
 * espeak-ng spells words written in capitals ("PIN" → "P I N", "PRO" → "P R O"). The manifest keeps the written form
 * (it is the caption); only the text given to the synthesiser is lower-cased, so the same words are spoken.
 */
const SPOKEN_AS: Readonly<Record<string, string>> = { PIN: 'pin', PINs: 'pins', PRO: 'pro' };

function spokenForm(text: string): string {
  return text.replace(/\b[A-Za-z]+\b/g, (word) => SPOKEN_AS[word] ?? word);
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(repoRoot, 'assets', 'prompts');

function speak(text: string, workDir: string): Int16Array {
  const file = path.join(workDir, 'out.wav');
  execFileSync(ESPEAK, ['-v', VOICE, '-s', WORDS_PER_MINUTE, '-w', file, '--', spokenForm(text)], { stdio: ['ignore', 'ignore', 'inherit'] });
  const wav = parseWav(readFileSync(file));
  if (wav.channels !== 1) throw new Error(`espeak-ng wrote ${describeWavFormat(wav)}; expected mono`);
  return resample(pcm16Samples(wav), wav.sampleRate, RATE);
}

function trim(pcm: Int16Array): Int16Array {
  let start = 0;
  let end = pcm.length;
  while (start < end && Math.abs(pcm[start] ?? 0) < SILENCE) start += 1;
  while (end > start && Math.abs(pcm[end - 1] ?? 0) < SILENCE) end -= 1;
  const pad = (PAD_MS * RATE) / 1000;
  return pcm.slice(Math.max(0, start - pad), Math.min(pcm.length, end + pad));
}

function normalise(pcm: Int16Array): Int16Array {
  let peak = 0;
  for (const sample of pcm) peak = Math.max(peak, Math.abs(sample));
  if (peak === 0) return pcm;
  const gain = PEAK / peak;
  return pcm.map((sample) => Math.round(sample * gain));
}

function main(): void {
  try {
    execFileSync(ESPEAK, ['--version'], { stdio: 'ignore' });
  } catch {
    console.error(`${ESPEAK} not found. Install it with: apt-get install -y espeak-ng`);
    process.exit(1);
  }
  const languageDir = path.join(outDir, PROMPT_LANGUAGE);
  mkdirSync(languageDir, { recursive: true });
  const workDir = mkdtempSync(path.join(tmpdir(), 'hotdesk-prompts-'));
  const prompts: Record<string, { file: string; text: string }> = {};
  try {
    for (const [id, text] of Object.entries(PROMPT_TEXTS)) {
      const pcm = normalise(trim(speak(text, workDir)));
      const file = `${PROMPT_LANGUAGE}/${id}.wav`;
      writeFileSync(path.join(outDir, file), writeWav(pcm, RATE));
      prompts[id] = { file, text };
      console.log(`${file.padEnd(28)} ${(pcm.length / RATE).toFixed(2)} s  "${text}"`);
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  const manifest = { version: PROMPT_SET_VERSION, language: PROMPT_LANGUAGE, prompts };
  writeFileSync(path.join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`manifest.json: version ${PROMPT_SET_VERSION}, ${Object.keys(prompts).length} prompts`);
}

main();
