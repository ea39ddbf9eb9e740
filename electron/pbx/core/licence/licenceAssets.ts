import { readFile } from 'node:fs/promises';
import path from 'node:path';

export const PUBLIC_KEY_FILE = 'public-key.pem';
export const DEMO_LICENCE_FILE = 'demo-pro.licence';

export interface LicenceAssets {
  publicKeyPem: string | null;
  demoToken: string | null;
}

/** Reads the vendor's public key and the built-in demo PRO licence from `assets/licence` (null when missing). */
export async function loadLicenceAssets(dir: string): Promise<LicenceAssets> {
  const read = (name: string) => readFile(path.join(dir, name), 'utf8').then((text) => text.trim(), () => null);
  const [publicKeyPem, demoToken] = await Promise.all([read(PUBLIC_KEY_FILE), read(DEMO_LICENCE_FILE)]);
  return { publicKeyPem, demoToken };
}
