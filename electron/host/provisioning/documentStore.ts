import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Mac } from '../../../shared/domain/mac';
import { macDeviceId } from '../../../shared/sip/plugAndPlay';
import { provisioningDocumentSchema, type ProvisioningDocument } from '../../../shared/sip/provisioningDocument';
import { ensureDirectory, writeFileAtomic } from '../../common';
import { pendingLogoutSchema, type PendingLogout } from './pendingLogout';

/** A device's last good document, with where it came from. */
export interface StoredProvisioning {
  /** The URL it was fetched from (PnP NOTIFY or typed in), re-fetched on check-sync. */
  url: string;
  source: 'pnp' | 'manual';
  /** The document in use; null (with etag and fetchedAt) only while a logout is pending and no idle document is known. */
  etag: string | null;
  document: ProvisioningDocument | null;
  fetchedAt: string | null;
  /** While a user is logged in: the device's last idle document, put back at once by a logout the PBX cannot hear. */
  idle?: IdleDocument;
  /** A logout the PBX has not confirmed yet (the user's document is already gone from here). */
  pendingLogout?: PendingLogout;
}

export interface IdleDocument {
  etag: string;
  document: ProvisioningDocument;
  fetchedAt: string;
}

const storedSchema = z
  .strictObject({
    url: z.string().regex(/^https?:\/\/\S+$/),
    source: z.enum(['pnp', 'manual']),
    etag: z.string().min(1).max(200).nullable(),
    document: provisioningDocumentSchema.nullable(),
    fetchedAt: z.iso.datetime().nullable(),
    idle: z.strictObject({ etag: z.string().min(1).max(200), document: provisioningDocumentSchema, fetchedAt: z.iso.datetime() }).optional(),
    pendingLogout: pendingLogoutSchema.optional(),
  })
  .refine((entry) => entry.document !== null || entry.pendingLogout !== undefined, 'a stored entry without a document must be a pending logout')
  .refine((entry) => entry.idle === undefined || entry.idle.document.identity.kind === 'pool', 'the idle document must be a pool identity');

export interface ProvisioningDocumentStore {
  load(mac: Mac): Promise<StoredProvisioning | null>;
  save(mac: Mac, entry: StoredProvisioning): Promise<void>;
  /** Forgets the device's entry (it joined another PBX). */
  remove(mac: Mac): Promise<void>;
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

  async remove(mac: Mac): Promise<void> {
    await rm(this.fileFor(mac), { force: true });
  }
}
