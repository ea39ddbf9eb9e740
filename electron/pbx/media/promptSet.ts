import { FALLBACK_PROMPT_ID, PROMPT_SET_VERSION, PROMPT_TEXTS, REQUIRED_PROMPT_IDS } from './promptCatalog';
import { readPromptWav } from './promptFile';
import { type PromptManifest, PromptSetError, readPromptManifest } from './promptManifest';
import { generateTone } from './tone';

export interface PromptAudio {
  /** 8 kHz mono 16-bit samples. */
  pcm: Int16Array;
  /** The exact words spoken (the caption). */
  text: string;
}

export interface PromptSet {
  readonly version: number;
  readonly language: string;
  readonly ids: readonly string[];
  get(id: string): PromptAudio | null;
}

export type PromptSetCheck =
  | { ok: true }
  | {
      ok: false;
      /** The manifest is unreadable, or its version is lower than the PBX requires ("Prompt set outdated — Update"). */
      outdated: boolean;
      /** Prompt ids that cannot be played: required but not listed, or listed with a missing or invalid file. */
      missing: string[];
      /** What is wrong, each naming the file (for the console and logs). */
      problems: string[];
    };

export interface ResolvedPrompt {
  /** The prompt that was asked for. */
  requested: string;
  /** What plays: the requested id, `file-not-found`, or `tone` when even that is unavailable. */
  played: string;
  pcm: Int16Array;
  /** Caption for what plays (for the tone: the catalogue's "File not found." so the display still says why). */
  text: string;
  /** Why something else plays instead of the requested prompt, or null. */
  fallback: null | 'missing' | 'outdated';
}

/** The prompts the PBX plays, tolerant of a broken or outdated installation: it never throws. */
export interface PromptLibrary {
  /** The installed set's version, or null when its manifest is unreadable. */
  readonly version: number | null;
  readonly status: PromptSetCheck;
  /** The installed prompt as it is (even from an outdated set), or null when it is missing or invalid. */
  get(id: string): PromptAudio | null;
  /**
   * What to play for `id`: the prompt itself; `file-not-found` when it is missing or the set is older
   * than required; a 1-second 440 Hz tone when even `file-not-found` cannot be played.
   */
  resolvePrompt(id: string): ResolvedPrompt;
}

export interface PromptLibraryOptions {
  requiredVersion?: number;
  requiredIds?: readonly string[];
}

interface Scan {
  manifest: PromptManifest | null;
  prompts: Map<string, PromptAudio>;
  /** Problems keyed by prompt id; the manifest's own problem under the empty key. */
  problems: Map<string, string>;
}

function scan(dir: string): Scan {
  const prompts = new Map<string, PromptAudio>();
  const problems = new Map<string, string>();
  let manifest: PromptManifest | null = null;
  try {
    manifest = readPromptManifest(dir);
  } catch (error) {
    problems.set('', (error as Error).message);
    return { manifest, prompts, problems };
  }
  for (const [id, entry] of Object.entries(manifest.prompts)) {
    try {
      prompts.set(id, { pcm: readPromptWav(dir, entry.file), text: entry.text });
    } catch (error) {
      problems.set(id, (error as Error).message);
    }
  }
  return { manifest, prompts, problems };
}

/**
 * Loads a prompt set and insists that it is entirely valid: throws PromptSetError naming the first bad file
 * (manifest, missing WAV, non-WAV, wrong format). Use for installing or verifying a set; the IVR uses openPromptLibrary.
 */
export function loadPromptSet(dir: string): PromptSet {
  const { manifest, prompts, problems } = scan(dir);
  const [firstProblem] = problems.values();
  if (manifest === null || firstProblem !== undefined) throw new PromptSetError(firstProblem ?? 'manifest.json: unreadable');
  return {
    version: manifest.version,
    language: manifest.language,
    ids: Object.keys(manifest.prompts),
    get: (id) => prompts.get(id) ?? null,
  };
}

function statusOf(found: Scan, requiredVersion: number, requiredIds: readonly string[]): PromptSetCheck {
  const outdated = found.manifest === null || found.manifest.version < requiredVersion;
  const missing = new Set<string>(requiredIds.filter((id) => !found.prompts.has(id)));
  for (const id of found.problems.keys()) if (id !== '') missing.add(id);
  const problems = [...found.problems.values()];
  if (found.manifest !== null && outdated) {
    problems.unshift(`manifest.json: version ${found.manifest.version} is older than the required version ${requiredVersion}`);
  }
  for (const id of requiredIds) if (found.manifest !== null && !(id in found.manifest.prompts)) problems.push(`manifest.json: no prompt "${id}"`);
  if (!outdated && missing.size === 0 && problems.length === 0) return { ok: true };
  return { ok: false, outdated, missing: [...missing], problems };
}

/** Checks an installed prompt set against what this PBX requires (version and prompt ids). */
export function checkPromptSet(
  dir: string,
  requiredVersion: number = PROMPT_SET_VERSION,
  requiredIds: readonly string[] = REQUIRED_PROMPT_IDS,
): PromptSetCheck {
  return statusOf(scan(dir), requiredVersion, requiredIds);
}

const FALLBACK_TONE = { frequencyHz: 440, durationMs: 1000 } as const;
let fallbackTone: Int16Array | null = null;

/** Opens the prompt set in `dir` for playing. Never throws: problems show in `status` and resolvePrompt falls back. */
export function openPromptLibrary(dir: string, options: PromptLibraryOptions = {}): PromptLibrary {
  const { requiredVersion = PROMPT_SET_VERSION, requiredIds = REQUIRED_PROMPT_IDS } = options;
  const found = scan(dir);
  const status = statusOf(found, requiredVersion, requiredIds);
  const outdated = !status.ok && status.outdated;
  const get = (id: string): PromptAudio | null => found.prompts.get(id) ?? null;
  return {
    version: found.manifest?.version ?? null,
    status,
    get,
    resolvePrompt(id) {
      const prompt = outdated ? null : get(id);
      if (prompt !== null) return { requested: id, played: id, pcm: prompt.pcm, text: prompt.text, fallback: null };
      const fallback = outdated ? 'outdated' : 'missing';
      const notFound = get(FALLBACK_PROMPT_ID);
      if (notFound !== null) return { requested: id, played: FALLBACK_PROMPT_ID, pcm: notFound.pcm, text: notFound.text, fallback };
      fallbackTone ??= generateTone(FALLBACK_TONE);
      return { requested: id, played: 'tone', pcm: fallbackTone, text: PROMPT_TEXTS[FALLBACK_PROMPT_ID] ?? '', fallback };
    },
  };
}
