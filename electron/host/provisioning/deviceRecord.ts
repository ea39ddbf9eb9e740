import type { Mac } from '../../../shared/domain/mac';
import type { IdleDocument, ProvisioningDocumentStore, StoredProvisioning } from './documentStore';
import type { PendingLogout } from './pendingLogout';

type Source = StoredProvisioning['source'];

/**
 * What the device host keeps on disk for one device: the document in use; while a user is logged in, the device's
 * last idle document beside it (so a logout the PBX cannot hear still shows the pool identity at once); and a logout
 * the PBX has not confirmed. The user's document is never kept once their logout has started.
 */
export class DeviceRecord {
  private idle: IdleDocument | null = null;

  constructor(
    private readonly store: ProvisioningDocumentStore,
    private readonly mac: Mac,
  ) {}

  /** The stored entry, or null (none, unreadable, or another device's). */
  async load(): Promise<StoredProvisioning | null> {
    const stored = await this.store.load(this.mac).catch(() => null);
    if (stored === null) return null;
    // A pending logout without an idle document names no MAC; the file it came from is this MAC's.
    const mac = stored.document?.device.mac ?? stored.idle?.document.device.mac ?? this.mac;
    return mac === this.mac ? stored : null;
  }

  /** Notes the idle document an entry in use implies: its own document when idle, else the one stored beside it. */
  remember(entry: StoredProvisioning): void {
    const { document, etag, fetchedAt } = entry;
    if (document?.identity.kind === 'pool' && etag !== null && fetchedAt !== null) this.idle = { etag, document, fetchedAt };
    else if (entry.idle) this.idle = entry.idle;
  }

  /** Stores an entry, with the idle document beside a user's; resolves with the error when it could not, else null. */
  async save(entry: StoredProvisioning): Promise<Error | null> {
    const loggedIn = entry.document?.identity.kind === 'user' && !entry.pendingLogout;
    const idle = loggedIn ? (entry.idle ?? this.idle) : null;
    const { idle: _dropped, ...rest } = entry;
    try {
      await this.store.save(this.mac, idle ? { ...rest, idle } : rest);
      return null;
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  }

  /** The entry of a pending logout: the idle document in use when one is known, no document otherwise. */
  pendingEntry(url: string, source: Source, pendingLogout: PendingLogout): StoredProvisioning {
    const idle = this.idle;
    return idle ? { url, source, ...idle, pendingLogout } : { url, source, etag: null, document: null, fetchedAt: null, pendingLogout };
  }

  /** Forgets everything stored for the device; resolves with the error when it could not, else null. */
  async forget(): Promise<Error | null> {
    this.idle = null;
    try {
      await this.store.remove(this.mac);
      return null;
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  }

  /** The entry for what is in use now (null when there is nothing to store). */
  entryOf(state: Pick<StoredProvisioning, 'etag' | 'document' | 'fetchedAt'> & { url: string | null; source: Source | null; pendingLogout: PendingLogout | null }): StoredProvisioning | null {
    const { url, source, etag, document, fetchedAt, pendingLogout } = state;
    if (url === null || source === null || (document === null && pendingLogout === null)) return null;
    return { url, source, etag, document, fetchedAt, ...(pendingLogout ? { pendingLogout } : {}) };
  }
}
