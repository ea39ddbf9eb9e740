import { createHmac, randomBytes as cryptoRandomBytes, timingSafeEqual } from 'node:crypto';
import type { Mode } from '../../../shared/contracts';
import { DEFAULT_SCRYPT_COST, hashSecret, verifySecret, type ScryptCost } from '../core';
import type { AdminCredentialsData, DocumentStore } from '../store';

export const ADMIN_USER = 'admin';
/** The public demo password; demo mode listens on loopback only. */
export const DEMO_ADMIN_PASSWORD = 'admin';
const CACHE_SIZE = 16;

export interface AdminCredentialsOptions {
  store: DocumentStore<AdminCredentialsData>;
  mode: Mode;
  now?: () => Date;
  randomBytes?: (size: number) => Buffer;
  cost?: ScryptCost;
}

export interface InitialisedAdminCredentials {
  credentials: AdminCredentials;
  /**
   * The password generated on this start (first start of site mode, or the first site-mode start after demo mode),
   * to be printed once; null otherwise. Only its hash is stored.
   */
  generatedPassword: string | null;
}

/**
 * Makes sure the admin console has credentials: demo mode `admin`/`admin`; site (and external) mode a random password
 * generated on first start — also replacing the public demo password if the data dir was used in demo mode before.
 */
export async function initAdminCredentials(options: AdminCredentialsOptions): Promise<InitialisedAdminCredentials> {
  const now = options.now ?? (() => new Date());
  const randomBytes = options.randomBytes ?? cryptoRandomBytes;
  const cost = options.cost ?? DEFAULT_SCRYPT_COST;
  const credentials = new AdminCredentials(options.store, { now, randomBytes, cost });
  const current = options.store.read();
  if (options.mode === 'demo') {
    // The public demo password is hashed off the start path; a request meanwhile waits for it.
    if (current === null) credentials.setInBackground(DEMO_ADMIN_PASSWORD, 'demo-default');
    return { credentials, generatedPassword: null };
  }
  if (current !== null && current.origin !== 'demo-default') return { credentials, generatedPassword: null };
  const generated = randomBytes(12).toString('base64url');
  await credentials.set(generated, 'generated');
  return { credentials, generatedPassword: generated };
}

/**
 * Checks HTTP Basic credentials against the stored scrypt hash. A successful check is remembered as an HMAC under a
 * per-process key, so a console that sends its credentials with every request costs one hash, not one per request;
 * a check already under way is shared by identical credentials arriving meanwhile.
 */
export class AdminCredentials {
  private readonly cacheKey: Buffer;
  private verified: Buffer[] = [];
  private readonly checking = new Map<string, Promise<boolean>>();
  /** A password being hashed in the background (the demo default at first start), or null. */
  private setting: Promise<void> | null = null;

  constructor(
    private readonly store: DocumentStore<AdminCredentialsData>,
    private readonly deps: { now(): Date; randomBytes(size: number): Buffer; cost: ScryptCost },
  ) {
    this.cacheKey = deps.randomBytes(32);
  }

  get user(): string {
    return this.store.read()?.user ?? ADMIN_USER;
  }

  /**
   * The outcome for these credentials when it costs no hash: true when they were verified before, the check under
   * way for the same credentials, false when they cannot match; undefined when only verify() can tell.
   */
  known(user: string, password: string): boolean | Promise<boolean> | undefined {
    if (this.setting) return this.setting.then(() => this.verify(user, password));
    const stored = this.store.read();
    if (stored === null || password.length > 1024) return false;
    const tag = this.tag(stored.password.hash, user, password);
    if (this.verified.some((known) => timingSafeEqual(known, tag))) return true;
    return this.checking.get(tag.toString('hex'));
  }

  async verify(user: string, password: string): Promise<boolean> {
    const known = this.known(user, password);
    if (known !== undefined) return known;
    const stored = this.store.read() as NonNullable<AdminCredentialsData>;
    const tag = this.tag(stored.password.hash, user, password);
    const check = (async () => (await verifySecret(password, stored.password)) && user === stored.user)();
    this.checking.set(tag.toString('hex'), check);
    try {
      const matches = await check;
      if (matches) this.verified = [tag, ...this.verified].slice(0, CACHE_SIZE);
      return matches;
    } finally {
      this.checking.delete(tag.toString('hex'));
    }
  }

  /** Like set(), without waiting: checks wait for it, and a failure is logged (the console then refuses everyone). */
  setInBackground(password: string, origin: 'demo-default'): void {
    const setting = this.set(password, origin)
      .catch((error: unknown) => console.error('hotdesk: storing the admin password failed:', error))
      .finally(() => {
        if (this.setting === setting) this.setting = null;
      });
    this.setting = setting;
  }

  /** Resolves when a password being hashed in the background is stored. */
  settled(): Promise<void> {
    return this.setting ?? Promise.resolve();
  }

  /** Stores a new password (hashed) for `admin`; previously verified credentials stop working at once. */
  async set(password: string, origin: 'demo-default' | 'generated' | 'set' = 'set'): Promise<void> {
    if (password.length < 1 || password.length > 1024) throw new RangeError('The admin password must have 1–1024 characters');
    const hash = await hashSecret(password, this.deps.cost, this.deps.randomBytes);
    await this.store.update(() => ({ next: { user: ADMIN_USER, password: hash, origin, changedAt: this.deps.now().toISOString() }, result: undefined }));
    this.verified = [];
  }

  private tag(hash: string, user: string, password: string): Buffer {
    return createHmac('sha256', this.cacheKey).update(`${hash}\0${user}\0${password}`).digest();
  }
}
