import { createHmac, randomBytes as cryptoRandomBytes, timingSafeEqual } from 'node:crypto';
import type { Mode } from '../../../shared/contracts';
import { LaterTask } from '../../common';
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
    // The public demo password is hashed beside the start, not on its path (one hash: it is done long before the
    // console's first request, which would wait for it).
    if (current === null) credentials.setLater(DEMO_ADMIN_PASSWORD, 'demo-default', 0);
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
  /** A password to hash after the start (the demo default at first start), or null. */
  private setting: LaterTask | null = null;

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
    if (password.length > 1024) return false;
    const stored = this.store.read();
    // A password still waiting to be hashed is not "no password": only verify() can tell.
    if (stored === null) return this.setting ? undefined : false;
    const tag = this.tag(stored.password.hash, user, password);
    if (this.verified.some((known) => timingSafeEqual(known, tag))) return true;
    return this.checking.get(tag.toString('hex'));
  }

  /** Resolves once the password is stored: a password still waiting to be hashed is hashed now. */
  async ready(): Promise<void> {
    await this.setting?.run();
  }

  async verify(user: string, password: string): Promise<boolean> {
    // Only while a password waits: otherwise a check must register itself (checking) before yielding, so that
    // identical credentials arriving at once share it.
    if (this.setting) await this.ready();
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

  /**
   * set(), `delayMs` from now or at the first check, whichever comes first; checks wait for it. A failure is logged
   * (the console then refuses everyone until the next start sets it again).
   */
  setLater(password: string, origin: 'demo-default', delayMs: number): void {
    const setting = new LaterTask(async () => {
      try {
        await this.set(password, origin);
      } catch (error) {
        console.error('hotdesk: storing the admin password failed:', error);
      } finally {
        if (this.setting === setting) this.setting = null;
      }
    }, delayMs);
    this.setting = setting;
  }

  /** Before the store closes: waits for a password being stored; one not begun is left to the next start. */
  settled(): Promise<void> {
    const setting = this.setting;
    this.setting = null;
    return setting?.cancel() ?? Promise.resolve();
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
