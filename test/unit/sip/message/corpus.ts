// Locates the RFC 4475 torture-message corpus (never copied into the project; see /shared/rfc4475/README.md).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const corpusDir = process.env.HOTDESK_RFC4475_DIR ?? path.resolve(repoRoot, '../shared/rfc4475');

export const corpusAvailable = existsSync(corpusDir) && readdirSync(corpusDir).some((file) => file.endsWith('.dat'));
export const corpusSkipReason = `RFC 4475 corpus not found at ${corpusDir} (set HOTDESK_RFC4475_DIR)`;

export function corpusFiles(): string[] {
  return corpusAvailable ? readdirSync(corpusDir).filter((file) => file.endsWith('.dat')).sort() : [];
}

export function readCorpusFile(file: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(corpusDir, file)));
}
