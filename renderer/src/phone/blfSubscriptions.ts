import type { UA } from 'jssip/lib/UA';
import type { BlfState } from '../../../shared/domain/blfLayout';
import { blfStateOf, DIALOG_EVENT, DIALOG_INFO_TYPE, DialogInfoError, parseDialogInfo } from '../../../shared/sip/dialogInfo';

/** Asked of the PBX; JsSIP refreshes before it runs out. */
const EXPIRES = 600;
/** After the PBX ends a subscription we did not end (restart, expiry, refusal), ask again after this long. */
const RETRY_MS = 5_000;

/** What this module uses of JsSIP's Subscriber (its typings extend Node's EventEmitter, which the renderer lacks). */
interface Subscriber {
  on(event: 'notify', listener: (isFinal: boolean, request: unknown, body: string | undefined) => void): void;
  on(event: 'terminated', listener: () => void): void;
  subscribe(): void;
  terminate(): void;
}

export type BlfStateListener = (extension: string, state: BlfState) => void;

/** Parses with the browser's own XML parser (no regular expressions on XML). */
function parseXml(xml: string) {
  return new DOMParser().parseFromString(xml, 'application/xml');
}

/**
 * The phone's BLF lamps: one `dialog` event subscription (RFC 4235) per monitored extension, over the phone's JsSIP user
 * agent. `watch` replaces the whole set — called with each new user agent (every login, roam, logout) and each new
 * list of keys; an empty list (an idle hot-desk device) monitors nothing. Every NOTIFY's dialog-info becomes the key's
 * state; a subscription that ends unasked shows `unknown` and is renewed.
 */
export class BlfSubscriptions {
  private ua: UA | null = null;
  private domain = '';
  private extensions: readonly string[] = [];
  private readonly subscribers = new Map<string, Subscriber>();
  private readonly retries = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly versions = new Map<string, number>();

  constructor(
    private readonly onState: BlfStateListener,
    private readonly log: (message: string, detail?: unknown) => void,
  ) {}

  /** Monitors `extensions` of `domain` over `ua` (null: none), ending whatever was monitored before. */
  watch(ua: UA | null, domain: string, extensions: readonly string[]): void {
    const same = ua === this.ua && domain === this.domain && sameList(extensions, this.extensions);
    if (same) return;
    this.stopAll();
    this.ua = ua;
    this.domain = domain;
    this.extensions = [...new Set(extensions)];
    for (const extension of this.extensions) {
      this.onState(extension, 'unknown');
      if (ua) this.subscribe(ua, extension);
    }
  }

  private subscribe(ua: UA, extension: string): void {
    let subscriber: Subscriber;
    try {
      subscriber = ua.subscribe(`sip:${extension}@${this.domain}`, DIALOG_EVENT, DIALOG_INFO_TYPE, { expires: EXPIRES, contentType: 'text/plain' }) as unknown as Subscriber;
    } catch (error) {
      this.log(`cannot watch ${extension}`, error);
      return;
    }
    this.subscribers.set(extension, subscriber);
    this.versions.delete(extension);
    subscriber.on('notify', (_final, _request, body) => {
      if (this.subscribers.get(extension) === subscriber) this.read(extension, body);
    });
    subscriber.on('terminated', () => {
      if (this.subscribers.get(extension) !== subscriber) return;
      this.subscribers.delete(extension);
      this.onState(extension, 'unknown');
      this.retries.set(
        extension,
        setTimeout(() => {
          this.retries.delete(extension);
          if (this.ua === ua && this.extensions.includes(extension)) this.subscribe(ua, extension);
        }, RETRY_MS),
      );
    });
    subscriber.subscribe();
  }

  private read(extension: string, body: string | undefined): void {
    if (!body) return;
    try {
      const info = parseDialogInfo(body, parseXml);
      // RFC 4235 §4.1: a version not above the last one seen is stale and ignored.
      const last = this.versions.get(extension);
      if (last !== undefined && info.version <= last) return;
      this.versions.set(extension, info.version);
      this.onState(extension, blfStateOf(info));
    } catch (error) {
      if (!(error instanceof DialogInfoError)) throw error;
      this.log(`unreadable dialog-info for ${extension}`, error.message);
    }
  }

  private stopAll(): void {
    for (const timer of this.retries.values()) clearTimeout(timer);
    this.retries.clear();
    const subscribers = [...this.subscribers.values()];
    this.subscribers.clear();
    for (const subscriber of subscribers) {
      try {
        subscriber.terminate();
      } catch (error) {
        this.log('cannot end a BLF subscription', error);
      }
    }
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}
