import { existsSync, readFileSync } from 'node:fs';
import { describeIssues } from '../../../shared/contracts';
import { moveAsideSync } from '../../common';
import { storedSettingsSchema } from './storedSettings';

export interface QuarantineResult {
  /** Where the unreadable file was moved, or null when the file was fine or absent. */
  movedTo: string | null;
  reason: string | null;
}

/**
 * Checks a settings file before the store opens it. A file that is not JSON, or whose values break the schema, is
 * moved aside (never deleted) so the user's data can be recovered by hand, and the device starts on defaults.
 */
export function quarantineBrokenSettings(filePath: string, now: () => Date = () => new Date()): QuarantineResult {
  if (!existsSync(filePath)) return { movedTo: null, reason: null };
  const reason = findProblem(readFileSync(filePath, 'utf8'));
  if (reason === null) return { movedTo: null, reason: null };
  return { movedTo: moveAsideSync(filePath, now()), reason };
}

function findProblem(text: string): string | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return `not valid JSON (${(error as Error).message})`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const parsed = storedSettingsSchema.safeParse(value);
  return parsed.success ? null : describeIssues('invalid value', parsed.error);
}
