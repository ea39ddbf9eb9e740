import type { Mac } from '../../../shared/domain/mac';
import type { ProvisioningDocument } from '../../../shared/sip/provisioningDocument';
import type { Backoff } from '../../../shared/util/backoff';
import { ListenerSet } from '../../../shared/util/listenerSet';
import { systemClock, type Clock, type TimerHandle } from '../../sip';
import { logoutUrlFor, type LogoutReason } from '../../../shared/sip/provisioningLogout';
import type { StoredProvisioning, ProvisioningDocumentStore } from './documentStore';
import { DeviceRecord } from './deviceRecord';
import { DocumentGoneError, type FetchOutcome } from './fetchDocument';
import { LogoutUnsupportedError, type LogoutAnswer } from './logoutRequest';
import { isSessionOf, pendingLogoutOf, type PendingLogout } from './pendingLogout';
import type { PnpState } from './pnpSubscriber';
import { failure, NO_FAILURE, PROVISIONING_FAILURE, type Failure } from './provisioningFailure';
import { retryBackoff, type RetryMs } from './retryBackoff';

export { PROVISIONING_FAILURE };

/** What the display shows about provisioning ("Not provisioned — MAC … — waiting for the administrator"). */
export interface ProvisioningState {
  mac: Mac;
  /**
   * `unprovisioned`: no document and not (yet) known to a PBX; `pending`: the PBX lists the device under Phones and
   * the admin has to assign it; `provisioned`: a good document is in use (possibly with an error from a later fetch).
   */
  status: 'unprovisioned' | 'pending' | 'provisioned';
  document: ProvisioningDocument | null;
  /** Where the document comes from: the URL of the PnP NOTIFY or the one typed in settings. */
  url: string | null;
  source: 'pnp' | 'manual' | null;
  /** The document's ETag, sent as If-None-Match. */
  etag: string | null;
  /** The last failure (fetch, validation, PnP connection) in detail, for the host's log; cleared by the next success. */
  error: string | null;
  /** The same failure as one of the fixed PROVISIONING_FAILURE texts: all a bridge client gets to see. */
  errorSummary: string | null;
  fetchedAt: string | null;
  /**
   * A hot-desk logout the PBX has not confirmed (it was unreachable): `document` is then the device's last idle
   * document (or null when none is known) and the logout is retried with backoff until the PBX answers.
   */
  pendingLogout: PendingLogout | null;
}

/** What a device-initiated logout came to (the bridge's `device.logout` result). */
export type LogoutOutcome = 'logged-out' | 'pending' | 'not-logged-in' | 'unsupported';

/** Starts plug-and-play for a MAC; the default is a PnpSubscriber over the SIP WebSocket. */
export type PnpStarter = (mac: Mac, webSocketUrl: string, callbacks: { onUrl(url: string): void; onState(state: PnpState): void }) => { stop(): void };

export interface ProvisioningClientOptions {
  mac: Mac;
  store: ProvisioningDocumentStore;
  /** The provisioning URL typed in settings (the other provisioning method), or null. */
  manualUrl(): string | null;
  /** The SIP WebSocket to send the PnP SUBSCRIBE to (the PBX's or SBC's), or null when there is none. */
  pnpWebSocketUrl(): string | null;
  startPnp: PnpStarter;
  /** Fetches a document proving the device key (fetchProvisioningDocument with the host's key). */
  fetchDocument(url: string, etag: string | null): Promise<FetchOutcome>;
  /** `POST /provisioning/<token>/logout`, proving the device key (postProvisioningLogout with the host's key). */
  postLogout(logoutUrl: string, reason: LogoutReason): Promise<LogoutAnswer>;
  clock?: Clock;
  /** Retry of failed fetches; default 1 s doubling to 30 s. */
  retryMs?: RetryMs;
  onError?(error: unknown): void;
}

/**
 * One device's provisioning: the last good document from disk; otherwise the manually entered URL, or
 * plug-and-play until the PBX sends a URL; then fetch with `If-None-Match`, validate, store atomically, tell
 * listeners. A failed fetch keeps the last good document, reports the error and retries with backoff. resync()
 * re-fetches (the phone calls it on a check-sync NOTIFY).
 */
export class ProvisioningClient {
  private current: ProvisioningState;
  private readonly listeners = new ListenerSet<ProvisioningState>((error) => this.options.onError?.(error));
  private readonly clock: Clock;
  private pnp: { stop(): void } | null = null;
  private retryTimer: TimerHandle | null = null;
  private readonly retries: Backoff;
  private inFlight: Promise<ProvisioningState> | null = null;
  private fetchAgain = false;
  private running = false;
  private readonly record: DeviceRecord;
  /** The user's logout on its way to the PBX, before it is shown as pending. */
  private loggingOut: Promise<LogoutOutcome> | null = null;
  /**
   * Counts logouts and PBX changes, so a fetch that was under way when one started never brings the user's document
   * (or the old PBX's) back.
   */
  private logouts = 0;

  constructor(private readonly options: ProvisioningClientOptions) {
    this.clock = options.clock ?? systemClock;
    this.retries = retryBackoff(options.retryMs);
    this.record = new DeviceRecord(options.store, options.mac);
    this.current = {
      mac: options.mac,
      status: 'unprovisioned',
      document: null,
      url: null,
      source: null,
      etag: null,
      ...NO_FAILURE,
      fetchedAt: null,
      pendingLogout: null,
    };
  }

  get mac(): Mac {
    return this.options.mac;
  }

  state(): ProvisioningState {
    return structuredClone(this.current);
  }

  onChange(listener: (state: ProvisioningState) => void): () => void {
    return this.listeners.add(listener);
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    const stored = await this.record.load();
    if (!this.running) return;
    if (stored) this.adopt(stored);
    this.settle(true);
  }

  /** Re-evaluates the provisioning method after the settings changed (a URL typed in or cleared). */
  settingsChanged(): void {
    if (this.running) this.settle(false);
  }

  /**
   * The device now belongs to another PBX (README, "Site deployment"): what the last one provisioned — identity, SIP
   * credentials, a pending logout — means nothing there, so it leaves memory and disk and plug-and-play starts at the
   * new PBX. A provisioning URL typed in settings stays the source, whatever the PBX.
   */
  async pbxChanged(): Promise<void> {
    if (!this.running || this.options.manualUrl() !== null) return;
    this.logouts++;
    this.stopPnp();
    this.clearRetry();
    this.retries.reset();
    const error = await this.record.forget();
    if (error) this.options.onError?.(error);
    if (!this.running) return;
    this.update({ status: 'unprovisioned', document: null, url: null, source: null, etag: null, ...NO_FAILURE, fetchedAt: null, pendingLogout: null });
    this.startPnp();
  }

  /** Fetches the document again (check-sync); resolves with the state after the fetch. */
  resync(): Promise<ProvisioningState> {
    if (!this.running) return Promise.resolve(this.state());
    // The PBX's own check-sync after our logout: the logout's answer is the document to wait for.
    if (this.loggingOut) return this.loggingOut.then(() => this.state());
    if (this.inFlight) {
      this.fetchAgain = true;
      return this.inFlight;
    }
    const url = this.options.manualUrl() ?? this.current.url;
    if (url === null) return Promise.resolve(this.state());
    return this.fetchFrom(url, this.current.source ?? 'pnp');
  }

  stop(): void {
    this.running = false;
    this.stopPnp();
    this.clearRetry();
    this.listeners.clear();
  }

  /**
   * Picks the source: a typed URL wins; then the URL the stored document came from (re-fetched at start, to catch
   * changes made while the device was off); else plug-and-play.
   */
  private settle(starting: boolean): void {
    const manual = this.options.manualUrl();
    if (manual !== null) {
      this.stopPnp();
      if (starting || manual !== this.current.url || this.current.document === null) void this.fetchFrom(manual, 'manual');
      return;
    }
    if (this.current.source === 'manual') {
      // The typed URL was cleared: keep the document in use until plug-and-play brings the PBX's.
      this.update({ url: null, source: null, etag: null });
    }
    if (this.current.url !== null) {
      this.stopPnp();
      if (starting) void this.fetchFrom(this.current.url, this.current.source ?? 'pnp');
      return;
    }
    this.startPnp();
  }

  private startPnp(): void {
    if (this.pnp) return;
    const webSocketUrl = this.options.pnpWebSocketUrl();
    if (webSocketUrl === null) {
      this.update(failure(PROVISIONING_FAILURE.noServer, PROVISIONING_FAILURE.noServer));
      return;
    }
    this.pnp = this.options.startPnp(this.options.mac, webSocketUrl, {
      onUrl: (url) => {
        this.pnp = null;
        void this.fetchFrom(url, 'pnp');
      },
      onState: (state) => {
        if (this.current.document !== null) return;
        if (state.kind === 'pending') this.update({ status: 'pending', ...NO_FAILURE });
        if (state.kind === 'failed') this.update({ status: 'unprovisioned', ...failure(state.reason, PROVISIONING_FAILURE.pnp) });
      },
    });
  }

  private stopPnp(): void {
    this.pnp?.stop();
    this.pnp = null;
  }

  /** One fetch at a time; a request during a fetch (a second check-sync) runs once more after it. */
  private fetchFrom(url: string, source: 'pnp' | 'manual'): Promise<ProvisioningState> {
    if (this.inFlight) {
      this.fetchAgain = true;
      return this.inFlight;
    }
    this.clearRetry();
    const run = async (): Promise<ProvisioningState> => {
      let target = url;
      do {
        this.fetchAgain = false;
        await this.fetchOnce(target, source);
        target = this.options.manualUrl() ?? this.current.url ?? target;
      } while (this.fetchAgain && this.running);
      return this.state();
    };
    this.inFlight = run().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async fetchOnce(url: string, source: 'pnp' | 'manual'): Promise<void> {
    const pending = this.current.pendingLogout;
    const etag = url === this.current.url && pending === null ? this.current.etag : null;
    const logouts = this.logouts;
    // A logout started meanwhile: its answer decides what the device shows, not this fetch's.
    const overtaken = () => !this.running || this.logouts !== logouts;
    try {
      const outcome = await this.fetchDocument(url, etag);
      if (overtaken()) return;
      if (pending !== null) return await this.completeLogout(url, source, pending, outcome);
      if (outcome.kind === 'not-modified') {
        this.succeeded();
        if (this.current.error !== null) this.update(NO_FAILURE);
        return;
      }
      if (outcome.document.device.mac !== this.options.mac) {
        throw new Error(`The provisioning document is for another device (MAC ${outcome.document.device.mac})`);
      }
      const fetchedAt = new Date(this.clock.now()).toISOString();
      const entry: StoredProvisioning = { url, source, etag: outcome.etag, document: outcome.document, fetchedAt };
      const saved = await this.save(entry);
      if (overtaken()) return;
      this.succeeded();
      this.adopt(entry, saved);
    } catch (error) {
      if (overtaken()) return;
      this.failed(error, url, source);
    }
  }

  private fetchDocument(url: string, etag: string | null): Promise<FetchOutcome> {
    return this.options.fetchDocument(url, etag);
  }

  /** Stores an entry; a failure is reported and becomes the state's error (the document is used all the same). */
  private async save(entry: StoredProvisioning): Promise<Failure> {
    const error = await this.record.save(entry);
    if (error === null) return NO_FAILURE;
    this.options.onError?.(error);
    return failure(`Provisioning document not saved: ${error.message}`, PROVISIONING_FAILURE.save);
  }

  /** Keeps the last good document, reports the error and retries; a PnP URL the PBX forgot sends the device back to PnP. */
  private failed(error: unknown, url: string, source: 'pnp' | 'manual'): void {
    this.options.onError?.(error);
    const message = error instanceof Error ? error.message : String(error);
    // Keep the last good document; until there is one, keep the URL so the retry has somewhere to go.
    const failed = failure(message, PROVISIONING_FAILURE.fetch);
    this.update(this.current.document || this.current.pendingLogout ? failed : { url, source, ...failed });
    if (source === 'pnp' && error instanceof DocumentGoneError) {
      // The PBX no longer knows this URL (device deleted or re-created): ask it again over plug-and-play.
      this.update({ url: null, source: null, etag: null, pendingLogout: null });
      this.startPnp();
      return;
    }
    this.scheduleRetry(url, source);
  }

  /**
   * Logs the user out through the provisioning server (the Logout key, auto-logout). The user's document leaves the
   * disk first, so a restart from here on finishes the logout instead of showing the user again. When the PBX does not
   * answer within LOGOUT_GRACE_MS (or cannot be reached) the device shows its idle identity at once, marked pending,
   * and completes the logout with backoff when the PBX answers again.
   */
  logout(reason: LogoutReason): Promise<LogoutOutcome> {
    if (this.loggingOut) return this.loggingOut;
    if (!this.running || this.current.pendingLogout) return Promise.resolve(this.current.pendingLogout ? 'pending' : 'not-logged-in');
    const { document, url, source } = this.current;
    const pending = document ? pendingLogoutOf(document, reason, this.clock.now()) : null;
    if (pending === null) return Promise.resolve('not-logged-in');
    const logoutUrl = url === null ? null : logoutUrlFor(url);
    if (logoutUrl === null || url === null || source === null) return Promise.resolve('unsupported');
    this.logouts++;
    this.loggingOut = this.runLogout(logoutUrl, url, source, pending).finally(() => {
      this.loggingOut = null;
    });
    return this.loggingOut;
  }

  private async runLogout(logoutUrl: string, url: string, source: 'pnp' | 'manual', pending: PendingLogout): Promise<LogoutOutcome> {
    const before = this.record.entryOf(this.current);
    await this.save(this.record.pendingEntry(url, source, pending));
    const grace = this.clock.setTimeout(() => this.showPendingLogout(pending), LOGOUT_GRACE_MS);
    try {
      const answer = await this.postLogout(logoutUrl, pending.reason);
      this.clock.clearTimeout(grace);
      if (!this.running) return 'pending';
      await this.settleLogout(answer.document, url, source);
      return 'logged-out';
    } catch (error) {
      this.clock.clearTimeout(grace);
      if (!this.running) return 'pending';
      if (error instanceof LogoutUnsupportedError) {
        // Nothing happened: the session goes on, and the phone dials the logout code instead.
        if (before) await this.save(before);
        this.options.onError?.(error);
        return 'unsupported';
      }
      this.showPendingLogout(pending);
      this.failed(error, url, source);
      return 'pending';
    }
  }

  /** A retry of a pending logout: end the session if the PBX still has it; any other document is simply adopted. */
  private async completeLogout(url: string, source: 'pnp' | 'manual', pending: PendingLogout, outcome: FetchOutcome): Promise<void> {
    let document = outcome.kind === 'document' ? outcome.document : null;
    if (document === null) throw new Error('The provisioning server answered 304 to a request without an ETag');
    if (isSessionOf(document, pending)) {
      const logoutUrl = logoutUrlFor(url);
      // Never show the user's session again: without a logout URL the logout stays pending (and says why).
      if (logoutUrl === null) throw new Error('The provisioning URL changed to one without logout: the logout cannot be finished');
      document = (await this.postLogout(logoutUrl, pending.reason)).document;
    }
    if (this.running) await this.settleLogout(document, url, source);
  }

  private postLogout(logoutUrl: string, reason: LogoutReason): Promise<LogoutAnswer> {
    return this.options.postLogout(logoutUrl, reason);
  }

  /** The PBX's answer to a logout: the document to use from now on; the pending logout is done. */
  private async settleLogout(document: ProvisioningDocument, url: string, source: 'pnp' | 'manual'): Promise<void> {
    if (document.device.mac !== this.options.mac) {
      throw new Error(`The provisioning document is for another device (MAC ${document.device.mac})`);
    }
    const entry: StoredProvisioning = { url, source, etag: document.etag, document, fetchedAt: new Date(this.clock.now()).toISOString() };
    const saved = await this.save(entry);
    this.succeeded();
    this.adopt(entry, saved);
  }

  /** Shows the device idle (its last idle document, if known) while the PBX has not confirmed the logout. */
  private showPendingLogout(pending: PendingLogout): void {
    if (!this.running || this.current.pendingLogout === pending) return;
    const { error, errorSummary } = this.current;
    this.adopt(this.record.pendingEntry(this.current.url ?? '', this.current.source ?? 'pnp', pending), { error, errorSummary });
  }

  private adopt(entry: StoredProvisioning, outcome: Failure = NO_FAILURE): void {
    this.record.remember(entry);
    const { url, source, etag, document, fetchedAt } = entry;
    const pendingLogout = entry.pendingLogout ?? null;
    this.update({ status: 'provisioned', document, url, source, etag, ...outcome, fetchedAt, pendingLogout });
  }

  private succeeded(): void {
    this.retries.reset();
  }

  private scheduleRetry(url: string, source: 'pnp' | 'manual'): void {
    this.clearRetry();
    const delay = this.retries.next();
    this.retryTimer = this.clock.setTimeout(() => {
      this.retryTimer = null;
      if (this.running) void this.fetchFrom(url, source);
    }, delay);
  }

  private clearRetry(): void {
    if (this.retryTimer) this.clock.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private update(patch: Partial<ProvisioningState>): void {
    this.current = { ...this.current, ...patch };
    this.listeners.emit(this.state());
  }
}

/** How long a logout waits for the PBX before the device shows itself idle with the logout pending. */
export const LOGOUT_GRACE_MS = 300;
