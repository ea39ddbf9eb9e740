import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROMPT_SET_VERSION, PROMPT_TEXTS, REQUIRED_PROMPT_IDS, digitPromptIds } from '../../../../electron/pbx/media/promptCatalog';
import { PromptSetError, validatePromptManifest } from '../../../../electron/pbx/media/promptManifest';
import { checkPromptSet, loadPromptSet, openPromptLibrary } from '../../../../electron/pbx/media/promptSet';
import { writeWav } from '../../../../electron/pbx/media/wav';

const bundled = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../assets/prompts');

function rms(pcm: Int16Array): number {
  let sum = 0;
  for (const sample of pcm) sum += sample * sample;
  return Math.sqrt(sum / Math.max(1, pcm.length));
}

describe('the bundled prompt set (assets/prompts)', () => {
  it('is valid, current, and speaks exactly the catalogue texts', () => {
    const set = loadPromptSet(bundled);
    expect(set.version).toBe(PROMPT_SET_VERSION);
    expect(set.language).toBe('en');
    expect([...set.ids].sort()).toEqual([...REQUIRED_PROMPT_IDS].sort());
    for (const id of REQUIRED_PROMPT_IDS) {
      const prompt = set.get(id);
      expect(prompt?.text, id).toBe(PROMPT_TEXTS[id]);
      expect(prompt?.pcm.length, id).toBeGreaterThan(8000 * 0.2);
      expect(prompt?.pcm.length, id).toBeLessThan(8000 * 15);
      expect(rms(prompt?.pcm ?? new Int16Array()), id).toBeGreaterThan(1000);
    }
    expect(checkPromptSet(bundled)).toEqual({ ok: true });
  });

  it('has the texts of the brief, including the digits for "Logged in as extension <ext>"', () => {
    expect(PROMPT_TEXTS['enter-pin']).toBe('Please enter your PIN, then press pound.');
    expect(PROMPT_TEXTS['file-not-found']).toBe('File not found.');
    expect(PROMPT_TEXTS['digit-0']).toBe('zero');
    expect(PROMPT_TEXTS['digit-9']).toBe('nine');
    expect(digitPromptIds('101')).toEqual(['digit-1', 'digit-0', 'digit-1']);
    expect(digitPromptIds('*7#')).toEqual(['digit-7']);
  });
});

describe('a damaged or outdated prompt set', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'hotdesk-prompts-'));
    cpSync(bundled, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const manifestPath = () => path.join(dir, 'manifest.json');
  const editManifest = (edit: (manifest: { version: number; prompts: Record<string, unknown> }) => void) => {
    const manifest = JSON.parse(readFileSync(manifestPath(), 'utf8'));
    edit(manifest);
    writeFileSync(manifestPath(), JSON.stringify(manifest));
  };

  it('plays file-not-found in place of a prompt whose file is missing', () => {
    unlinkSync(path.join(dir, 'en/goodbye.wav'));
    expect(() => loadPromptSet(dir)).toThrow(PromptSetError);
    expect(() => loadPromptSet(dir)).toThrow('en/goodbye.wav: file not found');
    expect(checkPromptSet(dir)).toEqual({ ok: false, outdated: false, missing: ['goodbye'], problems: ['en/goodbye.wav: file not found'] });
    const library = openPromptLibrary(dir);
    expect(library.get('goodbye')).toBeNull();
    const resolved = library.resolvePrompt('goodbye');
    expect(resolved).toMatchObject({ requested: 'goodbye', played: 'file-not-found', text: 'File not found.', fallback: 'missing' });
    expect(resolved.pcm).toBe(library.get('file-not-found')?.pcm);
    expect(library.resolvePrompt('greeting')).toMatchObject({ played: 'greeting', text: PROMPT_TEXTS.greeting, fallback: null });
  });

  it('plays file-not-found for every prompt while the set is older than required', () => {
    expect(checkPromptSet(dir, PROMPT_SET_VERSION + 1)).toEqual({
      ok: false,
      outdated: true,
      missing: [],
      problems: [`manifest.json: version ${PROMPT_SET_VERSION} is older than the required version ${PROMPT_SET_VERSION + 1}`],
    });
    const library = openPromptLibrary(dir, { requiredVersion: PROMPT_SET_VERSION + 1 });
    expect(library.version).toBe(PROMPT_SET_VERSION);
    expect(library.resolvePrompt('greeting')).toMatchObject({ played: 'file-not-found', text: 'File not found.', fallback: 'outdated' });
    expect(library.get('greeting')?.text).toBe(PROMPT_TEXTS.greeting); // still readable as installed
    expect(checkPromptSet(dir, PROMPT_SET_VERSION - 1)).toEqual({ ok: true }); // newer than required is fine
  });

  it('reports a prompt the PBX needs but the manifest does not list', () => {
    editManifest((manifest) => delete manifest.prompts['wrong-pin']);
    expect(checkPromptSet(dir)).toMatchObject({ ok: false, outdated: false, missing: ['wrong-pin'], problems: ['manifest.json: no prompt "wrong-pin"'] });
    expect(openPromptLibrary(dir).resolvePrompt('wrong-pin').played).toBe('file-not-found');
  });

  it('names a file that is not a WAV file', () => {
    writeFileSync(path.join(dir, 'en/forbidden.wav'), 'this is not audio');
    expect(() => loadPromptSet(dir)).toThrow('en/forbidden.wav: not a WAV file (no RIFF/WAVE header)');
    expect(checkPromptSet(dir)).toMatchObject({ ok: false, missing: ['forbidden'] });
  });

  it.each([
    ['16 kHz', writeWav(new Int16Array(1600), 16000), 'en/forbidden.wav: 16000 Hz, 1 channel, 16-bit PCM; expected 8000 Hz mono 16-bit PCM'],
    ['empty', writeWav(new Int16Array(0), 8000), 'en/forbidden.wav: contains no audio'],
  ])('names a WAV file in the wrong format (%s)', (_name, bytes, message) => {
    writeFileSync(path.join(dir, 'en/forbidden.wav'), bytes);
    expect(() => loadPromptSet(dir)).toThrow(message);
    expect(openPromptLibrary(dir).resolvePrompt('forbidden').played).toBe('file-not-found');
  });

  it('names a stereo file', () => {
    const stereo = writeWav(new Int16Array(1600), 8000);
    new DataView(stereo.buffer).setUint16(22, 2, true);
    writeFileSync(path.join(dir, 'en/goodbye.wav'), stereo);
    expect(() => loadPromptSet(dir)).toThrow('en/goodbye.wav: 8000 Hz, 2 channels, 16-bit PCM; expected 8000 Hz mono 16-bit PCM');
  });

  it('falls back to a 1-second 440 Hz tone when even file-not-found is missing, and never throws', () => {
    unlinkSync(path.join(dir, 'en/file-not-found.wav'));
    unlinkSync(path.join(dir, 'en/goodbye.wav'));
    const library = openPromptLibrary(dir);
    const resolved = library.resolvePrompt('goodbye');
    expect(resolved).toMatchObject({ requested: 'goodbye', played: 'tone', fallback: 'missing', text: 'File not found.' });
    expect(resolved.pcm.length).toBe(8000);
    expect(library.resolvePrompt('file-not-found').played).toBe('tone');
    expect(library.resolvePrompt('no-such-prompt').played).toBe('tone');
  });

  it('opens a directory without a manifest as outdated with every prompt missing', () => {
    unlinkSync(manifestPath());
    expect(() => loadPromptSet(dir)).toThrow('manifest.json: file not found');
    const check = checkPromptSet(dir);
    expect(check).toMatchObject({ ok: false, outdated: true, missing: [...REQUIRED_PROMPT_IDS], problems: ['manifest.json: file not found'] });
    const library = openPromptLibrary(dir);
    expect(library.version).toBeNull();
    expect(library.resolvePrompt('greeting').played).toBe('tone');
  });

  it('reports a manifest that is not JSON', () => {
    writeFileSync(manifestPath(), '{ version: 1');
    expect(() => loadPromptSet(dir)).toThrow(/^manifest\.json: not valid JSON/);
    expect(openPromptLibrary(dir).status).toMatchObject({ ok: false, outdated: true });
  });
});

describe('validatePromptManifest', () => {
  const good = { version: 1, language: 'en', prompts: { goodbye: { file: 'en/goodbye.wav', text: 'Goodbye.' } } };

  it('accepts a well-formed manifest', () => {
    expect(validatePromptManifest(good)).toEqual(good);
  });

  it.each([
    [{ ...good, version: '1' }, /"version" must be a positive integer/],
    [{ ...good, version: 1.5 }, /"version" must be a positive integer/],
    [{ ...good, version: 0 }, /"version" must be a positive integer/],
    [{ ...good, language: '' }, /"language"/],
    [{ ...good, prompts: [] }, /"prompts" must be an object/],
    [{ ...good, prompts: { Goodbye: good.prompts.goodbye } }, /prompt id "Goodbye"/],
    [{ ...good, prompts: { goodbye: { file: '../secret.wav', text: 'x' } } }, /relative "file" inside/],
    [{ ...good, prompts: { goodbye: { file: '/etc/passwd', text: 'x' } } }, /relative "file" inside/],
    [{ ...good, prompts: { goodbye: { file: 'en/goodbye.wav', text: ' ' } } }, /non-empty "text"/],
    [[], /not a JSON object/],
  ])('refuses %j', (manifest, message) => {
    expect(() => validatePromptManifest(manifest)).toThrow(message);
  });
});
