import Store from 'electron-store';
import type { SettingsBackendFactory } from '../host/settings/openSettings';
import { PRIVATE_FILE_MODE } from '../common';

/**
 * Inside Electron the settings file is kept by electron-store (built on conf, same file format), so the device host's
 * ValidatedSettingsStore sits on it exactly as it sits on conf in plain Node; it is written 0600 either way.
 */
export const electronStoreBackend: SettingsBackendFactory = (dir, name) =>
  new Store<Record<string, unknown>>({ cwd: dir, name, clearInvalidConfig: false, configFileMode: PRIVATE_FILE_MODE });
