import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Mac } from '../../../shared/domain/mac';
import { macDeviceId } from '../../../shared/sip/plugAndPlay';
import { provisioningDocumentSchema, type ProvisioningDocument } from '../../../shared/sip/provisioningDocument';
import { ensureDirectory, writeFileAtomic } from '../../common';

/** The last good document of a device, with where it came from. */
export interface StoredProvisioning {
  /** The URL it was fetched from (PnP NOTIFY or typed in), re-fetched on check-sync. */
  url: string;
  source: 'pnp' | 'manual';
  etag: string;
  document: ProvisioningDocument;
  fetchedAt: string;
}

const storedSchema = z.strictObject({
  url: z.string().regex(/^https?:\/\/\S+$/),
  source: z.enum(['pnp', 'manual']),
  etag: z.string().min(1).max(200),
  document: provisioningDocumentSchema,
  fetchedAt: z.iso.datetime(),
});

export interface ProvisioningDocumentStore {
  load(mac: Mac): Promise<StoredProvisioning | null>;
  save(mac: Mac, entry: StoredProvisioning): Promise<void>;
}

/**
 * One JSON file per device under `<dataDir>/provisioning/<mac>.json`, written atomically. A file that is unreadable
 * or fails validation counts as absent (the device provisions again) and is left on disk for inspection.
 */
export class FileDocumentStore implements ProvisioningDocumentStore {
  constructor(private readonly dir: string) {}

  fileFor(mac: Mac): string {
    return path.join(this.dir, `${macDeviceId(mac)}.json`);
  }

  async load(mac: Mac): Promise<StoredProvisioning | null> {
    let text: string;
    try {
      text = await readFile(this.fileFor(mac), 'utf8');
    } catch {
      return null;
    }
    try {
      const parsed = storedSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  async save(mac: Mac, entry: StoredProvisioning): Promise<void> {
    await ensureDirectory(this.dir);
    await writeFileAtomic(this.fileFor(mac), `${JSON.stringify(storedSchema.parse(entry), null, 2)}\n`);
  }
}
