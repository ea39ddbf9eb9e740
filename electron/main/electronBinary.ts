import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export type ElectronDetection = { available: true; executablePath: string } | { available: false; reason: string };

/**
 * Finds the Electron executable the way the `electron` npm package hands it out: in plain Node, `require('electron')`
 * returns its path, downloading the binary the first time; it throws when that download is impossible.
 * `requireFn` and `exists` are parameters so the rule can be tested without either.
 */
export function detectElectron(
  requireFn: (id: string) => unknown = createRequire(import.meta.url),
  exists: (file: string) => boolean = existsSync,
): ElectronDetection {
  let resolved: unknown;
  try {
    resolved = requireFn('electron');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { available: false, reason: `require('electron') failed: ${message.split('\n')[0]}` };
  }
  if (typeof resolved !== 'string' || resolved === '') {
    return { available: false, reason: "require('electron') did not return the path of an Electron executable" };
  }
  if (!exists(resolved)) return { available: false, reason: `the Electron executable ${resolved} does not exist` };
  return { available: true, executablePath: resolved };
}
