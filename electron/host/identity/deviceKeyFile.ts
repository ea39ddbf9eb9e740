import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ensureDirectory, makeFilePrivate, moveAside, writeFileAtomic } from '../../common';
import { DeviceKey } from './deviceKey';

/** The device key, beside the settings file in the data dir: PKCS#8 PEM, mode 0600. */
export const DEVICE_KEY_FILE = 'device-key.pem';

export interface LoadedDeviceKey {
  key: DeviceKey;
  /** A message for the log when the file had to be repaired or replaced; null otherwise. */
  warning: string | null;
}

/**
 * The host's device key: read from `<dataDir>/device-key.pem`, or made (Ed25519) and written there on first start.
 * A file others may read is made 0600; a file that holds no Ed25519 key is moved aside (never deleted) and a new key
 * is made — the device then has to be enrolled again.
 */
export async function loadOrCreateDeviceKey(dataDir: string, now: () => Date = () => new Date()): Promise<LoadedDeviceKey> {
  const file = path.join(dataDir, DEVICE_KEY_FILE);
  let pem: string;
  try {
    pem = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return { key: await createKey(file), warning: null };
  }
  let key: DeviceKey;
  try {
    key = DeviceKey.fromPem(pem);
  } catch (error) {
    const movedTo = await moveAside(file, now());
    const reason = error instanceof Error ? error.message : String(error);
    return { key: await createKey(file), warning: `Device key ${file} was unreadable (${reason}); it was moved to ${movedTo} and a new key was made: enrol this device again` };
  }
  if (makeFilePrivate(file)) return { key, warning: `Device key ${file} was readable by other users; it is now mode 0600` };
  return { key, warning: null };
}

async function createKey(file: string): Promise<DeviceKey> {
  const key = DeviceKey.generate();
  await ensureDirectory(path.dirname(file));
  await writeFileAtomic(file, key.privateKeyPem());
  return key;
}
