import type { ProvisioningDocumentStore, StoredProvisioning } from '../../../../electron/host/provisioning/documentStore';
import type { Mac } from '../../../../shared/domain/mac';
import type { ProvisioningDocument } from '../../../../shared/sip/provisioningDocument';
import { validDocument } from '../../pbx/provisioning/fixtures';

export const flush = () => new Promise((resolve) => setImmediate(resolve));

/** The idle fixture document (HD0004) with another ETag and any change. */
export function documentWith(etag: string, change: (document: ProvisioningDocument) => void = () => {}): ProvisioningDocument {
  const document = structuredClone(validDocument());
  document.etag = etag;
  change(document);
  return document;
}

/** HD0004 as `extension`'s phone, logged in at `since`. */
export function loggedInDocument(etag: string, extension = '100', name = 'Alice Andrews', since = '2025-07-01T08:55:00.000Z'): ProvisioningDocument {
  return documentWith(etag, (document) => {
    document.identity = { kind: 'user', extension, name };
    document.account.uri = `sip:${extension}@hotdesk.local`;
    document.account.authUser = extension;
    document.blf = [{ type: 'blf', extension: '101', label: 'Bob Brown' }];
    document.session = { since };
  });
}

/** A document store in memory that keeps every entry it was given, in order. */
export class MemoryStore implements ProvisioningDocumentStore {
  saved: StoredProvisioning | null = null;
  readonly history: StoredProvisioning[] = [];
  failSave = false;
  constructor(initial: StoredProvisioning | null = null) {
    this.saved = initial;
  }
  async load() {
    return this.saved;
  }
  async save(_mac: Mac, entry: StoredProvisioning) {
    if (this.failSave) throw new Error('disk full');
    this.saved = structuredClone(entry);
    this.history.push(this.saved);
  }
  async remove() {
    this.saved = null;
  }
}
