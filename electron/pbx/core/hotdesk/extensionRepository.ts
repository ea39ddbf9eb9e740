import type { BlfPosition } from '../../../../shared/domain/blfLayout';
import { LaterTask } from '../../../common';
import { checkPin, generatePin } from '../../../../shared/domain/pinPolicy';
import type { DocumentStore, ExtensionRecord, ExtensionsData, SecretHash, SipSecret } from '../../store';
import type { ChangeFeed } from './changeFeed';
import { HotDeskError } from './hotDeskErrors';
import { hashSecret, verifySecret, type ScryptCost } from './secretHash';

export interface ExtensionRepositoryDeps {
  store: DocumentStore<ExtensionsData>;
  changes: ChangeFeed;
  now(): Date;
  randomBytes(size: number): Buffer;
  /** HA1 + realm for a user's password. */
  sipSecret(user: string, password: string): SipSecret;
  pinMinLength(): number;
  pinCost: ScryptCost;
  /** Throws `conflict` naming the clash when an extension may not take this number (emergency, service). */
  checkNumber(extension: string): void;
}

export interface ExtensionCreateInput {
  extension: string;
  name: string;
  hotDesking?: boolean;
  pin?: string;
  blf?: readonly BlfPosition[];
  /** The SIP password; a random one when absent (returned once by create). */
  sipPassword?: string;
}

export interface ExtensionPatch {
  name?: string;
  hotDesking?: boolean;
  /** A new PIN (checked against the PIN policy, then only its hash is kept); null clears it. */
  pin?: string | null;
  blf?: readonly BlfPosition[];
  /** `false` lifts a PIN lockout (an administrator's unlock); locks come only from wrong PINs. */
  locked?: false;
}

/** Extensions: name, "Enable hot desking", the PIN (hash), SIP credentials (HA1) and BLF positions. */
export class ExtensionRepository {
  private decoy: Promise<SecretHash> | null = null;
  /** Seed PINs to hash after the start (fillSeedPinsLater); a PIN check runs it at once and waits for it. */
  private seedPins: LaterTask | null = null;

  constructor(private readonly deps: ExtensionRepositoryDeps) {}

  list(): readonly ExtensionRecord[] {
    return [...this.deps.store.read().extensions].sort((a, b) => a.extension.localeCompare(b.extension, 'en', { numeric: true }));
  }

  get(extension: string): ExtensionRecord | null {
    return this.deps.store.read().extensions.find((record) => record.extension === extension) ?? null;
  }

  /** Extensions whose number or name contains `query` (names case-insensitively); all of them for a blank query. */
  search(query: string): readonly ExtensionRecord[] {
    const wanted = query.trim().toLocaleLowerCase('en');
    if (wanted === '') return this.list();
    return this.list().filter((record) => record.extension.includes(wanted) || record.name.toLocaleLowerCase('en').includes(wanted));
  }

  /** Creates an extension; resolves with the record and its SIP password (the only time the password is known). */
  async create(input: ExtensionCreateInput): Promise<{ record: ExtensionRecord; sipPassword: string }> {
    this.deps.checkNumber(input.extension);
    const pin = input.pin === undefined ? null : await this.hashPin(input.extension, input.pin);
    const sipPassword = input.sipPassword ?? this.deps.randomBytes(15).toString('base64url');
    const sip = this.deps.sipSecret(input.extension, sipPassword);
    const record = await this.deps.store.update((data) => {
      if (data.extensions.some((existing) => existing.extension === input.extension)) {
        throw new HotDeskError('conflict', `Extension ${input.extension} already exists`, 'extension');
      }
      const at = this.deps.now().toISOString();
      const created: ExtensionRecord = {
        extension: input.extension,
        name: input.name,
        hotDesking: input.hotDesking ?? false,
        pin,
        sip,
        blf: [...(input.blf ?? [])],
        lockedUntil: null,
        createdAt: at,
        updatedAt: at,
      };
      return { next: { extensions: [...data.extensions, created] }, result: created };
    });
    this.deps.changes.emit({ type: 'extension.created', extension: record.extension });
    return { record, sipPassword };
  }

  async update(extension: string, patch: ExtensionPatch): Promise<ExtensionRecord> {
    // Every change comes after the seed PINs: a seed PIN lands only in an extension nobody has changed yet.
    await this.seedPinsReady();
    if (!this.get(extension)) throw notFound(extension);
    const pin = patch.pin === undefined || patch.pin === null ? patch.pin : await this.hashPin(extension, patch.pin);
    const record = await this.deps.store.update((data) => {
      const current = data.extensions.find((existing) => existing.extension === extension);
      if (!current) throw notFound(extension);
      const next: ExtensionRecord = {
        ...current,
        name: patch.name ?? current.name,
        hotDesking: patch.hotDesking ?? current.hotDesking,
        pin: pin === undefined ? current.pin : pin,
        blf: patch.blf === undefined ? current.blf : [...patch.blf],
        lockedUntil: patch.locked === false ? null : current.lockedUntil,
        updatedAt: this.deps.now().toISOString(),
      };
      return { next: { extensions: data.extensions.map((existing) => (existing === current ? next : existing)) }, result: next };
    });
    this.deps.changes.emit({ type: 'extension.updated', extension });
    return record;
  }

  /**
   * Turns hot desking on or off for several extensions in one write: all of them or, when one does not exist, none.
   * Resolves with the records in the order given.
   */
  async setHotDesking(numbers: readonly string[], enabled: boolean): Promise<ExtensionRecord[]> {
    const wanted = new Set(numbers);
    const changed = await this.deps.store.update((data) => {
      const missing = [...wanted].filter((extension) => !data.extensions.some((existing) => existing.extension === extension));
      if (missing.length > 0) throw new HotDeskError('not-found', `No extension ${missing.join(', ')}`, 'extensions', { missing });
      const at = this.deps.now().toISOString();
      const next = data.extensions.map((existing) => (wanted.has(existing.extension) ? { ...existing, hotDesking: enabled, updatedAt: at } : existing));
      return { next: { extensions: next }, result: next.filter((record) => wanted.has(record.extension)) };
    });
    const ordered = [...wanted].map((extension) => changed.find((record) => record.extension === extension) as ExtensionRecord);
    for (const record of ordered) this.deps.changes.emit({ type: 'extension.updated', extension: record.extension });
    return ordered;
  }

  /** Gives the extension a new random PIN the policy accepts; resolves with it, the only time it is known. */
  async resetPin(extension: string): Promise<{ record: ExtensionRecord; pin: string }> {
    if (!this.get(extension)) throw notFound(extension);
    const pin = generatePin(extension, { minLength: this.deps.pinMinLength() }, this.deps.randomBytes);
    return { record: await this.update(extension, { pin }), pin };
  }

  /**
   * Deletes an extension, and with it every BLF key that watched it in other users' positions (each becomes an empty
   * position, so the others keep their places): those users change too, and their logged-in devices redraw.
   */
  async remove(extension: string): Promise<{ record: ExtensionRecord; unwatchedBy: string[] }> {
    const result = await this.deps.store.update((data) => {
      const current = data.extensions.find((existing) => existing.extension === extension);
      if (!current) throw notFound(extension);
      const at = this.deps.now().toISOString();
      const unwatchedBy: string[] = [];
      const next = data.extensions
        .filter((existing) => existing !== current)
        .map((record) => {
          if (!record.blf.some((position) => watches(position, extension))) return record;
          unwatchedBy.push(record.extension);
          return { ...record, blf: record.blf.map((position) => (watches(position, extension) ? null : position)), updatedAt: at };
        });
      return { next: { extensions: next }, result: { record: current, unwatchedBy } };
    });
    this.deps.changes.emit({ type: 'extension.deleted', extension });
    for (const watcher of result.unwatchedBy) this.deps.changes.emit({ type: 'extension.updated', extension: watcher });
    return result;
  }

  /**
   * Hashes the PINs of seeded extensions in the background, off the start path: each is written only to an extension
   * still as it was seeded — without a PIN and never changed since (`updatedAt === createdAt`) — so an administrator's
   * change meanwhile wins, and a seed interrupted by a crash is finished on the next start. PIN checks wait for it.
   */
  fillSeedPins(pins: ReadonlyArray<{ extension: string; pin: string }>): Promise<void> {
    const untouched = (record: ExtensionRecord | null | undefined) => record?.pin === null && record.updatedAt === record.createdAt;
    const fill = async ({ extension, pin }: { extension: string; pin: string }) => {
      if (!untouched(this.get(extension))) return;
      // The demo's own PINs, accepted when they were seeded: a PIN policy raised since (the extension keeps its PIN
      // until reset, as every other does) must not leave the demo without them.
      const hash = await hashSecret(pin, this.deps.pinCost, this.deps.randomBytes);
      // Part of the seeding, like the create before it: no change event (nothing a phone shows has changed).
      await this.deps.store.update((data) => {
        const current = data.extensions.find((existing) => existing.extension === extension);
        if (!untouched(current)) return { next: data, result: undefined };
        const next = { ...(current as ExtensionRecord), pin: hash, updatedAt: this.deps.now().toISOString() };
        return { next: { extensions: data.extensions.map((existing) => (existing === current ? next : existing)) }, result: undefined };
      });
    };
    return Promise.all(pins.map(fill)).then(() => undefined);
  }

  /** fillSeedPins, `delayMs` after the start (off its path), or at the first PIN check if that comes sooner. */
  fillSeedPinsLater(pins: ReadonlyArray<{ extension: string; pin: string }>, delayMs: number): void {
    this.seedPins = new LaterTask(
      () => this.fillSeedPins(pins).catch((error: unknown) => console.error('hotdesk: hashing the seed PINs failed:', error)),
      delayMs,
    );
  }

  /** Hashes the seed PINs now if they are still waiting, and resolves once they are written. */
  async seedPinsReady(): Promise<void> {
    await this.seedPins?.run();
  }

  /** Before the store closes: waits for seed PINs being written; those not begun are left to the next start. */
  seedPinsWritten(): Promise<void> {
    return this.seedPins?.cancel() ?? Promise.resolve();
  }

  /** Checks a PIN typed at login (constant time; false when the extension or its PIN does not exist). */
  async verifyPin(extension: string, pin: string): Promise<boolean> {
    await this.seedPinsReady();
    const stored = this.get(extension)?.pin ?? null;
    // An unknown extension or one without a PIN costs the same hash as a real one (no enumeration of extensions).
    const matches = await verifySecret(pin, stored ?? (await this.decoyHash()));
    return stored !== null && matches;
  }

  /** Makes the decoy hash now, so that the first check of an unknown extension costs no more than any other. */
  async warmUp(): Promise<void> {
    await this.decoyHash();
  }

  /** Locks the extension's hot-desk login until `until` (too many wrong PINs). */
  async lock(extension: string, until: Date): Promise<void> {
    await this.deps.store.update((data) => {
      const current = data.extensions.find((existing) => existing.extension === extension);
      if (!current) throw notFound(extension);
      const next: ExtensionRecord = { ...current, lockedUntil: until.toISOString() };
      return { next: { extensions: data.extensions.map((existing) => (existing === current ? next : existing)) }, result: undefined };
    });
    this.deps.changes.emit({ type: 'extension.locked', extension, until: until.toISOString() });
  }

  private decoyHash(): Promise<SecretHash> {
    return (this.decoy ??= hashSecret('decoy', this.deps.pinCost, this.deps.randomBytes));
  }

  private async hashPin(extension: string, pin: string): Promise<SecretHash> {
    const verdict = checkPin(pin, extension, { minLength: this.deps.pinMinLength() });
    if (!verdict.ok) throw new HotDeskError('weak-pin', verdict.reason, 'pin', { problem: verdict.problem });
    return hashSecret(pin, this.deps.pinCost, this.deps.randomBytes);
  }
}

function watches(position: BlfPosition, extension: string): boolean {
  return position?.type === 'blf' && position.extension === extension;
}

function notFound(extension: string): HotDeskError {
  return new HotDeskError('not-found', `No extension ${extension}`);
}
