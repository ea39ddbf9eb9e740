import { DIALOG_EVENT, DIALOG_INFO_TYPE, type DialogInfoDialog } from '../../../../../shared/sip/dialogInfo';
import {
  buildResponse,
  type Clock,
  createUasDialog,
  type Flow,
  getCallId,
  getContacts,
  getEventHeader,
  getFromTag,
  getHeader,
  getToTag,
  type IdSource,
  type ServerTransaction,
  type SipRequest,
  type TransactionLayer,
} from '../../../../sip';
import type { LocalService } from '../../localService';
import { DialogDocuments } from './dialogDocuments';
import { ExpiryWheel } from '../expiryWheel';
import { grantExpires } from '../subscriptionExpiry';
import { DialogSubscription } from './dialogSubscription';
import { NotifyPacer, type PacerLimits } from './notifyPacer';

/** RFC 4235 §3.2: the default duration is 3600 s; it is also the most granted. */
const MAX_EXPIRES = 3600;
const MIN_EXPIRES = 60;
/** Above the 96 BLF positions a user may have, and under the transport's flood burst (200 messages) in one go. */
const DEFAULT_PER_FLOW = 128;
const DEFAULT_TOTAL = 100_000;
/** A whole call's states (offered, ringing, answered, ended) go out at once; a storm beyond that waits. */
const DEFAULT_PACING: PacerLimits = { burst: 4, windowMs: 1000 };

export interface DialogStateSource {
  /** Whether `user` is an extension of this PBX. */
  isExtension(user: string): boolean;
  /** Whether the extension has a registered contact right now. */
  isRegistered(extension: string): boolean;
  /** The extension's live dialogs as the PBX routes them (CallTracker). */
  dialogsOf(extension: string): DialogInfoDialog[];
}

export interface DialogEventOptions {
  layer: TransactionLayer;
  clock: Clock;
  ids: IdSource;
  /** host[:port] of the PBX, for the Contact of its subscription dialogs. */
  viaHost: string;
  domain: string;
  state: DialogStateSource;
  /** Live subscriptions one connection may hold (a BLF device needs one per key). */
  maxPerFlow?: number;
  maxTotal?: number;
  pacing?: PacerLimits;
  onError?(error: unknown): void;
}

/**
 * The notifier of the `dialog` event package (RFC 4235): a SUBSCRIBE to `sip:<ext>@<domain>` with `Event: dialog`
 * from an authenticated user (the core's digest check runs before any service sees it) gets the extension's full
 * dialog-info now and whenever it changes, paced to 4 per second (see NotifyPacer), each document one version higher. Refresh and
 * unsubscribe are in-dialog SUBSCRIBEs from the same connection; a subscription ends with its connection, its
 * expiry (`terminated;reason=timeout`) or a failed NOTIFY.
 */
export class DialogEventService implements LocalService {
  private readonly subscriptions = new Map<string, DialogSubscription>();
  private readonly byFlow = new Map<string, Set<DialogSubscription>>();
  private readonly byExtension = new Map<string, Set<DialogSubscription>>();
  private readonly documents: DialogDocuments;
  private readonly expiries: ExpiryWheel<DialogSubscription>;

  constructor(private readonly options: DialogEventOptions) {
    this.documents = new DialogDocuments(options.domain, options.state);
    this.expiries = new ExpiryWheel(options.clock, (subscription) => {
      this.notify(subscription, 'terminated', 'timeout'); // RFC 6665 §4.2.2
      this.forget(subscription);
    });
  }

  handleRequest(tx: ServerTransaction, request: SipRequest, flow: Flow, user: string): boolean {
    if (request.method !== 'SUBSCRIBE' || getEventHeader(request)?.package !== DIALOG_EVENT) return false;
    this.subscribe(tx, request, flow, user);
    return true;
  }

  handleInDialog(tx: ServerTransaction, request: SipRequest, flow: Flow): boolean {
    const subscription = this.subscriptions.get(keyOf({ callId: getCallId(request) ?? '', localTag: getToTag(request) ?? '', remoteTag: getFromTag(request) ?? '' }));
    if (!subscription) return false;
    const { dialog } = subscription;
    if (flow.id !== subscription.flow.id) {
      // The subscription lives and dies with the connection it was made on; nobody else may steer it.
      tx.respond(481, 'Subscription belongs to another connection');
      return true;
    }
    if (request.method !== 'SUBSCRIBE') {
      tx.respond(405, undefined, { headers: [{ name: 'Allow', value: 'SUBSCRIBE' }] });
      return true;
    }
    if (!dialog.acceptRemoteCSeq(request)) {
      tx.respond(500, 'CSeq out of order');
      return true;
    }
    const expires = this.grant(tx, request);
    if (expires === null) return true;
    tx.respond(200, undefined, { headers: [{ name: 'Expires', value: String(expires) }] });
    if (expires === 0) {
      this.notify(subscription, 'terminated'); // RFC 6665 §4.2.1.4: an unsubscribe gets a final NOTIFY
      this.forget(subscription);
      return true;
    }
    this.expiries.arm(subscription, expires);
    subscription.pacer?.sendNow(); // RFC 6665 §4.2.1.2: a refresh is answered with the current state
    return true;
  }

  handleAck(): boolean {
    return false;
  }

  handleCancel(): boolean {
    return false;
  }

  flowClosed(flowId: string): void {
    for (const subscription of [...(this.byFlow.get(flowId) ?? [])]) this.forget(subscription);
  }

  close(): void {
    for (const subscription of [...this.subscriptions.values()]) this.forget(subscription);
    this.expiries.close();
  }

  /** The dialog state of these extensions changed: their watchers get a NOTIFY (paced). */
  changed(extensions: readonly string[]): void {
    for (const extension of new Set(extensions)) {
      this.documents.changed(extension);
      for (const subscription of this.byExtension.get(extension) ?? []) subscription.pacer?.changed();
    }
  }

  /** Live subscriptions (for tests, the benchmark and leak checks). */
  get size(): number {
    return this.subscriptions.size;
  }

  private subscribe(tx: ServerTransaction, request: SipRequest, flow: Flow, user: string): void {
    if (!this.options.state.isExtension(user)) {
      tx.respond(404, 'No such extension to watch');
      return;
    }
    const accept = getHeader(request, 'Accept');
    if (accept !== undefined && !accept.toLowerCase().includes(DIALOG_INFO_TYPE)) {
      tx.respond(406, undefined, { headers: [{ name: 'Accept', value: DIALOG_INFO_TYPE }] });
      return;
    }
    if (getContacts(request)?.contacts[0] === undefined) {
      tx.respond(400, 'A SUBSCRIBE needs a Contact (RFC 6665 §4.1.2.1)');
      return;
    }
    const onFlow = this.byFlow.get(flow.id)?.size ?? 0;
    if (onFlow >= (this.options.maxPerFlow ?? DEFAULT_PER_FLOW) || this.subscriptions.size >= (this.options.maxTotal ?? DEFAULT_TOTAL)) {
      tx.respond(503, 'Too many dialog subscriptions', { headers: [{ name: 'Retry-After', value: '60' }] });
      return;
    }
    const expires = this.grant(tx, request);
    if (expires === null) return;
    const response = buildResponse(request, 200, {
      toTag: this.options.ids.tag(),
      headers: [
        { name: 'Expires', value: String(expires) },
        { name: 'Contact', value: `<sip:${user}@${this.options.viaHost};transport=${flow.secure ? 'wss' : 'ws'}>` },
      ],
    });
    if (!tx.respond(response)) return;
    const dialog = createUasDialog(request, response, { transportSecure: flow.secure });
    const subscription = new DialogSubscription(keyOf(dialog.id), user, dialog, flow, getHeader(request, 'Event') ?? DIALOG_EVENT);
    if (expires === 0) {
      this.notify(subscription, 'terminated'); // a fetch (RFC 6665 §4.4.3): the state once
      return;
    }
    this.remember(subscription);
    this.expiries.arm(subscription, expires);
    subscription.pacer = new NotifyPacer(this.options.clock, this.options.pacing ?? DEFAULT_PACING, () => this.notify(subscription, 'active'));
    subscription.pacer.sendNow();
  }

  private grant(tx: ServerTransaction, request: SipRequest): number | null {
    return grantExpires(tx, request, { min: MIN_EXPIRES, max: MAX_EXPIRES });
  }

  private remember(subscription: DialogSubscription): void {
    this.subscriptions.set(subscription.key, subscription);
    addTo(this.byFlow, subscription.flow.id, subscription);
    addTo(this.byExtension, subscription.extension, subscription);
  }

  private forget(subscription: DialogSubscription): void {
    if (!this.subscriptions.delete(subscription.key)) return;
    this.expiries.clear(subscription);
    subscription.pacer?.cancel();
    removeFrom(this.byFlow, subscription.flow.id, subscription);
    removeFrom(this.byExtension, subscription.extension, subscription);
    if (!this.byExtension.has(subscription.extension)) this.documents.changed(subscription.extension);
  }

  /** A NOTIFY with the full state (RFC 4235 §3.7): the extension's current document, one version on. */
  private notify(subscription: DialogSubscription, state: 'active' | 'terminated', reason?: string): void {
    const subscriptionState =
      state === 'active' ? `active;expires=${this.expiries.secondsLeft(subscription)}` : `terminated${reason ? `;reason=${reason}` : ''}`;
    const body = this.documents.body(subscription.extension, subscription.version++, this.byExtension.has(subscription.extension));
    try {
      const notify = subscription.dialog.createRequest('NOTIFY', {
        headers: [
          { name: 'Event', value: subscription.eventValue },
          { name: 'Subscription-State', value: subscriptionState },
        ],
        body: { contentType: DIALOG_INFO_TYPE, text: body },
      });
      this.options.layer.sendRequest(notify, subscription.flow, {
        onFinal: (response) => {
          if (response.status >= 300) this.forget(subscription); // RFC 6665 §4.2.2
        },
        onTimeout: () => this.forget(subscription),
        onTransportError: () => this.forget(subscription),
      });
    } catch (error) {
      this.forget(subscription);
      (this.options.onError ?? ((problem: unknown) => console.error('dialog NOTIFY failed:', problem)))(error);
    }
  }
}

/** A subscription's dialog id (RFC 3261 §12): an in-dialog SUBSCRIBE carries our tag in To, the watcher's in From. */
function keyOf(id: { callId: string; localTag: string; remoteTag: string }): string {
  return [id.callId, id.localTag, id.remoteTag].join(' '); // one flat string (a template would keep a chain of parts)
}

function addTo<K, V>(index: Map<K, Set<V>>, key: K, value: V): void {
  const set = index.get(key) ?? new Set<V>();
  set.add(value);
  index.set(key, set);
}

function removeFrom<K, V>(index: Map<K, Set<V>>, key: K, value: V): void {
  const set = index.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) index.delete(key);
}
