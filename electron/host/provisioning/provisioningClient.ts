import type { Mac } from '../../../shared/domain/mac';
import type { ProvisioningDocument } from '../../../shared/sip/provisioningDocument';
import type { Backoff } from '../../../shared/util/backoff';
import { ListenerSet } from '../../../shared/util/listenerSet';
import { systemClock, type Clock, type TimerHandle } from '../../sip';
import type { StoredProvisioning, ProvisioningDocumentStore } from './documentStore';
import { DocumentGoneError, type FetchOutcome } from './fetchDocument';
import type { PnpState } from './pnpSubscriber';
import { retryBackoff, type RetryMs } from './retryBackoff';

/**
 * What a bridge client is told about a failure: fixed texts. The details (the server's answer, an address, a file
 * system error) stay in the host — ProvisioningState.error and the log — so a page cannot use the device host to
 * probe a network through a provisioning URL.
 */
export const PROVISIONING_FAILURE = {
  noServer: 'No provisioning server: enter a provisioning URL or a SIP account in Settings',
  pnp: 'No service: plug-and-play did not get through; retrying',
  fetch: 'The provisioning document could not be fetched; retrying',
  save: 'The provisioning document could not be saved on this device',
} as const;

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
}

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

  constructor(private readonly options: ProvisioningClientOptions) {
    this.clock = options.clock ?? systemClock;
    this.retries = retryBackoff(options.retryMs);
    this.current = { mac: options.mac, status: 'unprovisioned', document: null, url: null, source: null, etag: null, ...NO_FAILURE, fetchedAt: null };
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
    const stored = await this.options.store.load(this.options.mac).catch(() => null);
    if (!this.running) return;
    if (stored && stored.document.device.mac === this.options.mac) this.adopt(stored);
    this.settle(true);
  }

  /** Re-evaluates the provisioning method after the settings changed (a URL typed in or cleared). */
  settingsChanged(): void {
    if (this.running) this.settle(false);
  }

  /** Fetches the document again (check-sync); resolves with the state after the fetch. */
  resync(): Promise<ProvisioningState> {
    if (!this.running) return Promise.resolve(this.state());
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
    const etag = url === this.current.url ? this.current.etag : null;
    try {
      const outcome = await this.options.fetchDocument(url, etag);
      if (!this.running) return;
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
      const saved = await this.options.store.save(this.options.mac, entry).then(
        () => NO_FAILURE,
        (error: unknown) => {
          this.options.onError?.(error);
          return failure(`Provisioning document not saved: ${error instanceof Error ? error.message : String(error)}`, PROVISIONING_FAILURE.save);
        },
      );
      if (!this.running) return;
      this.succeeded();
      this.adopt(entry, saved);
    } catch (error) {
      if (!this.running) return;
      this.options.onError?.(error);
      const message = error instanceof Error ? error.message : String(error);
      // Keep the last good document; until there is one, keep the URL so the retry has somewhere to go.
      const failed = failure(message, PROVISIONING_FAILURE.fetch);
      this.update(this.current.document ? failed : { url, source, ...failed });
      if (source === 'pnp' && error instanceof DocumentGoneError) {
        // The PBX no longer knows this URL (device deleted or re-created): ask it again over plug-and-play.
        this.update({ url: null, source: null, etag: null });
        this.startPnp();
        return;
      }
      this.scheduleRetry(url, source);
    }
  }

  private adopt(entry: StoredProvisioning, outcome: Failure = NO_FAILURE): void {
    const { url, source, etag, document, fetchedAt } = entry;
    this.update({ status: 'provisioned', document, url, source, etag, ...outcome, fetchedAt });
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

type Failure = Pick<ProvisioningState, 'error' | 'errorSummary'>;

const NO_FAILURE: Failure = { error: null, errorSummary: null };

function failure(error: string, errorSummary: (typeof PROVISIONING_FAILURE)[keyof typeof PROVISIONING_FAILURE]): Failure {
  return { error, errorSummary };
}
