import type { ProvisioningContent, ProvisioningDocument } from '../../../shared/sip/provisioningDocument';
import { contentEtag, stampProvisioningDocument } from './buildProvisioningDocument';

interface Stamp {
  etag: string;
  generatedAt: Date;
  /** The SIP user the last served document told the device to register as. */
  user: string;
}

/**
 * Keeps each device's document byte-identical while its content is unchanged — the same ETag and `generatedAt` — so
 * `If-None-Match` gets 304 and a strong ETag stays honest; and remembers which SIP user each device was last told to
 * be, so check-sync can reach it before and after a login or logout.
 */
export class DocumentStamps {
  private readonly stamps = new Map<string, Stamp>();

  stamp(deviceName: string, content: ProvisioningContent, now: Date): ProvisioningDocument {
    const etag = contentEtag(content);
    const previous = this.stamps.get(deviceName);
    const generatedAt = previous?.etag === etag ? previous.generatedAt : now;
    const document = stampProvisioningDocument(content, generatedAt);
    const user = content.identity.kind === 'pool' ? content.identity.name : content.identity.extension;
    this.stamps.set(deviceName, { etag, generatedAt, user });
    return document;
  }

  lastServedUser(deviceName: string): string | null {
    return this.stamps.get(deviceName)?.user ?? null;
  }
}
