import type { SafeStorage } from 'electron';
import type { SecretBox } from '../host/settings/secretBox';

/**
 * The OS keychain (Electron's safeStorage) as the device host's SecretBox, or null where there is none worth the
 * name: encryption unavailable, or Linux without a secret service, where safeStorage falls back to a key hard-coded
 * in Chromium ("basic_text") — then the password stays in the 0600 settings file only. Call after `app.whenReady()`.
 */
export function keychainSecretBox(storage: SafeStorage, platform: NodeJS.Platform = process.platform): SecretBox | null {
  if (!storage.isEncryptionAvailable()) return null;
  if (platform === 'linux' && storage.getSelectedStorageBackend() === 'basic_text') return null;
  return {
    seal: (plain) => storage.encryptString(plain).toString('base64'),
    open: (sealed) => storage.decryptString(Buffer.from(sealed, 'base64')),
  };
}
