import { readFileSync } from 'node:fs';
import path from 'node:path';

/** `assets/prompts/manifest.json`: which file holds each prompt, and the exact words it speaks. */
export interface PromptManifest {
  /** Integer, raised whenever a prompt is added or its text changes. */
  version: number;
  language: string;
  prompts: Record<string, PromptManifestEntry>;
}

export interface PromptManifestEntry {
  /** Path of the WAV file, relative to the manifest's directory (e.g. `en/greeting.wav`). */
  file: string;
  /** The exact words spoken, shown as the caption while the prompt plays. */
  text: string;
}

const MANIFEST_FILE = 'manifest.json';

/** A prompt set that cannot be used as it is; the message names the offending file. */
export class PromptSetError extends Error {
  override readonly name = 'PromptSetError';
}

const PROMPT_ID = /^[a-z0-9][a-z0-9-]*$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A relative path that stays inside the prompt directory (no absolute paths, no `..`). */
function isContainedPath(file: string): boolean {
  if (file === '' || path.isAbsolute(file) || file.includes('\\') || file.includes('\0')) return false;
  return file.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/** Checks the shape of a parsed manifest; throws PromptSetError describing the first problem. */
export function validatePromptManifest(value: unknown): PromptManifest {
  const fail = (message: string): never => {
    throw new PromptSetError(`${MANIFEST_FILE}: ${message}`);
  };
  if (!isRecord(value)) return fail('not a JSON object');
  const { version, language, prompts } = value;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) fail('"version" must be a positive integer');
  if (typeof language !== 'string' || language === '') fail('"language" must be a non-empty string');
  if (!isRecord(prompts)) return fail('"prompts" must be an object');
  const entries: Record<string, PromptManifestEntry> = {};
  for (const [id, entry] of Object.entries(prompts)) {
    if (!PROMPT_ID.test(id)) fail(`prompt id "${id}" must be lower-case letters, digits and dashes`);
    if (!isRecord(entry)) return fail(`prompt "${id}" must be an object`);
    const { file, text } = entry;
    if (typeof file !== 'string' || !isContainedPath(file)) fail(`prompt "${id}" needs a relative "file" inside the prompt directory`);
    if (typeof text !== 'string' || text.trim() === '') fail(`prompt "${id}" needs a non-empty "text"`);
    entries[id] = { file: file as string, text: text as string };
  }
  return { version: version as number, language: language as string, prompts: entries };
}

/** Reads and validates `<dir>/manifest.json`. */
export function readPromptManifest(dir: string): PromptManifest {
  let raw: string;
  try {
    raw = readFileSync(path.join(dir, MANIFEST_FILE), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PromptSetError(code === 'ENOENT' ? `${MANIFEST_FILE}: file not found` : `${MANIFEST_FILE}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new PromptSetError(`${MANIFEST_FILE}: not valid JSON (${(error as Error).message})`);
  }
  return validatePromptManifest(parsed);
}
