import type { Mac } from '../../../../shared/domain/mac';
import type { DocumentStore, PendingPhone, PendingPhonesData } from '../../store';
import type { ChangeFeed } from './changeFeed';

/** More pending requests than a small office has phones: beyond this the least recently seen are forgotten. */
export const MAX_PENDING_PHONES = 500;

export interface PendingPhoneSighting {
  mac: Mac;
  userAgent: string;
  vendor?: string | null;
  model?: string | null;
  firmware?: string | null;
  address?: string | null;
  /** The device key the phone proved it holds; null (or absent) when it proved none. */
  publicKey?: string | null;
  seenAt: Date;
}

/** Phones that asked for a profile by plug-and-play and wait for "Assign Ext" (the console's Phones list). */
export class PendingPhoneRepository {
  constructor(private readonly deps: { store: DocumentStore<PendingPhonesData>; changes: ChangeFeed }) {}

  /** Newest sighting first. */
  list(): readonly PendingPhone[] {
    return [...this.deps.store.read().phones].sort((a, b) => b.lastSeen.localeCompare(a.lastSeen) || a.mac.localeCompare(b.mac));
  }

  get(mac: Mac | string): PendingPhone | null {
    const key = mac.toLowerCase();
    return this.deps.store.read().phones.find((phone) => phone.mac === key) ?? null;
  }

  /** Records a PnP request: a new phone is listed; a known one keeps its first-seen time and gets the new details. */
  async upsert(sighting: PendingPhoneSighting): Promise<PendingPhone> {
    const seen = sighting.seenAt.toISOString();
    const phone = await this.deps.store.update((data) => {
      const current = data.phones.find((existing) => existing.mac === sighting.mac);
      const next: PendingPhone = {
        mac: sighting.mac,
        userAgent: clip(sighting.userAgent, 256) ?? '',
        vendor: clip(sighting.vendor, 128),
        model: clip(sighting.model, 128),
        firmware: clip(sighting.firmware, 128),
        address: clip(sighting.address, 128),
        publicKey: sighting.publicKey ?? null,
        firstSeen: current && current.firstSeen < seen ? current.firstSeen : seen,
        lastSeen: current && current.lastSeen > seen ? current.lastSeen : seen,
      };
      const others = data.phones.filter((existing) => existing !== current);
      const kept = others.length >= MAX_PENDING_PHONES ? others.sort((a, b) => b.lastSeen.localeCompare(a.lastSeen)).slice(0, MAX_PENDING_PHONES - 1) : others;
      return { next: { phones: [...kept, next] }, result: next };
    });
    this.deps.changes.emit({ type: 'phone.pending', mac: phone.mac });
    return phone;
  }

  /** Drops a pending phone (assigned, or dismissed); false when it was not listed. */
  async remove(mac: Mac | string): Promise<boolean> {
    const key = mac.toLowerCase();
    const removed = await this.deps.store.update((data) => {
      const phones = data.phones.filter((phone) => phone.mac !== key);
      return phones.length === data.phones.length ? { next: data, result: false } : { next: { phones }, result: true };
    });
    if (removed) this.deps.changes.emit({ type: 'phone.removed', mac: key });
    return removed;
  }
}

/** Untrusted text from a SIP request: control characters removed, length capped. */
function clip(value: string | null | undefined, max: number): string | null {
  if (value === undefined || value === null) return null;
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, max);
}
