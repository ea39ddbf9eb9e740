import path from 'node:path';
import Conf from 'conf';
import { ensurePrivateDirectory, makeFilePrivate, PRIVATE_FILE_MODE } from '../../common';
import { quarantineBrokenSettings } from './quarantine';
import type { SecretBox } from './secretBox';
import { ValidatedSettingsStore, type SettingsBackend, type SettingsStore } from './settingsStore';

export const SETTINGS_FILE_NAME = 'settings';

/** Makes the backend for a settings file in `dir` (conf here; the Electron main process passes electron-store). */
export type SettingsBackendFactory = (dir: string, name: string) => SettingsBackend;

export const confBackend: SettingsBackendFactory = (dir, name) =>
  new Conf<Record<string, unknown>>({
    cwd: dir,
    configName: name,
    projectName: 'hotdesk',
    clearInvalidConfig: false,
    configFileMode: PRIVATE_FILE_MODE,
  });

export interface OpenedSettings {
  store: SettingsStore;
  /** For the user, or null: a broken file moved aside, a directory tightened, a password that could not be read. */
  warning: string | null;
}

/** Opens `<dataDir>/settings.json` (0600 in a 0700 directory); `box` seals the manual SIP password where it exists. */
export function openSettings(dataDir: string, makeBackend: SettingsBackendFactory = confBackend, box: SecretBox | null = null): OpenedSettings {
  const warnings: string[] = [];
  const tightened = ensurePrivateDirectory(dataDir);
  if (tightened) warnings.push(tightened);
  const filePath = path.join(dataDir, `${SETTINGS_FILE_NAME}.json`);
  makeFilePrivate(filePath);
  const { movedTo, reason } = quarantineBrokenSettings(filePath);
  if (movedTo) warnings.push(`Settings file ${filePath} was ${reason}; it was moved to ${movedTo} and defaults are in use.`);
  const store = new ValidatedSettingsStore(makeBackend(dataDir, SETTINGS_FILE_NAME), box);
  if (store.warning) warnings.push(store.warning);
  return { store, warning: warnings.length > 0 ? warnings.join(' ') : null };
}
