import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { quarantineBrokenSettings } from './quarantine';
import { ValidatedSettingsStore, type SettingsBackend, type SettingsStore } from './settingsStore';

export const SETTINGS_FILE_NAME = 'settings';

/** Makes the backend for a settings file in `dir` (conf here; the Electron main process passes electron-store). */
export type SettingsBackendFactory = (dir: string, name: string) => SettingsBackend;

export const confBackend: SettingsBackendFactory = (dir, name) =>
  new Conf<Record<string, unknown>>({ cwd: dir, configName: name, projectName: 'hotdesk', clearInvalidConfig: false });

export interface OpenedSettings {
  store: SettingsStore;
  /** A message for the user when a broken file was moved aside. */
  warning: string | null;
}

export function openSettings(dataDir: string, makeBackend: SettingsBackendFactory = confBackend): OpenedSettings {
  mkdirSync(dataDir, { recursive: true });
  const filePath = path.join(dataDir, `${SETTINGS_FILE_NAME}.json`);
  const { movedTo, reason } = quarantineBrokenSettings(filePath);
  const warning = movedTo ? `Settings file ${filePath} was ${reason}; it was moved to ${movedTo} and defaults are in use.` : null;
  return { store: new ValidatedSettingsStore(makeBackend(dataDir, SETTINGS_FILE_NAME)), warning };
}
