import { UA_PROFILE_EVENT, macFromDeviceId } from '../../../../shared/sip/plugAndPlay';
import { DEVICE_PROOF_SIP_HEADER, parseDeviceProof, sipProofTarget } from '../../../../shared/sip/deviceProof';
import type { DeviceProofVerifier, ProofCheck } from '../enrolment/deviceProofVerifier';
import type { Mac } from '../../../../shared/domain/mac';
import { buildResponse, type Clock, createUasDialog, DialogSet, type EventHeader, eventParam, type Flow, getCallId, getContacts, getEventHeader, getFrom, getHeader, type IdSource, type ServerTransaction, type SipHeader, type SipRequest, type TransactionLayer } from '../../../sip';
import { grantExpires } from './subscriptionExpiry';
import type { LocalService } from '../localService';
import type { ProfileDirectory } from './profilePorts';
import { ProfileSubscription } from './profileSubscription';
import { profileUrlBody, profileUrlFormat } from './profileUrlBody';

/** Granted when the SUBSCRIBE has no Expires, and the most we grant (RFC 6665 §4.2.1.1 lets a notifier shorten). */
const UA_PROFILE_MAX_EXPIRES = 3600;
/** Shorter requests get 423 with this Min-Expires (RFC 6665 §4.2.1.1). */
const UA_PROFILE_MIN_EXPIRES = 30;
const DEFAULT_MAX_SUBSCRIPTIONS = 1000;

export interface UaProfileOptions {
  layer: TransactionLayer;
  clock: Clock;
  ids: IdSource;
  /** host[:port] of the PBX, for the Contact of its subscription dialogs. */
  viaHost: string;
  directory: ProfileDirectory;
  /** Checks the device-key proof each SUBSCRIBE carries (README, "Device enrolment"); shared with provisioning HTTP. */
  proofs: DeviceProofVerifier;
  maxExpires?: number;
  /** Beyond this many live subscriptions new ones get 503 (a flood must not grow memory without bound). */
  maxSubscriptions?: number;
  onError?(error: unknown): void;
}

/**
 * SIP plug-and-play, the notifier of RFC 6080's `ua-profile` package for `profile-type=device`.
 *
 * An unprovisioned device sends an out-of-dialog `SUBSCRIBE sip:<device id>@<pbx>` with
 * `Event: ua-profile;profile-type="device";vendor=...;model=...;version=...`. RFC 6080 §5.1.1 has the device name
 * itself in the Request-URI user part; its examples use the instance id `urn:uuid:` of a version-1 UUID whose node is
 * the MAC (with `From: anonymous`), hardware phones' plug-and-play the MAC as 12 hex digits. Both are accepted, and
 * the From user when the Request-URI user is neither; the kiosk sends the 12-hex form.
 *
 * A MAC is no secret, so it alone earns nothing: the device proves its key with a `Hotdesk-Device-Proof` header
 * (shared/sip/deviceProof.ts) on every SUBSCRIBE, initial and refresh. The PBX answers 200, sends the initial NOTIFY
 * (RFC 6665 §4.2.1.1) — with the document's URL (`application/url`, RFC 6080 §6.5) only when the MAC's device is
 * enrolled to the proved key, with no body otherwise — and lists every other phone as pending with the key it proved
 * (none, or one the device is not enrolled to: the console flags that). A proof that does not hold gets 403.
 * assign() pushes the URL at once to a waiting phone that proved the key the admin just enrolled.
 */
export class UaProfileService implements LocalService {
  private readonly dialogs = new DialogSet();
  private readonly subscriptions = new Map<string, ProfileSubscription>();
  private readonly maxExpires: number;

  constructor(private readonly options: UaProfileOptions) {
    this.maxExpires = options.maxExpires ?? UA_PROFILE_MAX_EXPIRES;
  }

  /** Whether a request may skip caller authentication: an out-of-dialog ua-profile SUBSCRIBE (see the class doc). */
  takesUnauthenticated(request: SipRequest): boolean {
    return request.method === 'SUBSCRIBE' && getEventHeader(request)?.package === UA_PROFILE_EVENT;
  }

  handleRequest(tx: ServerTransaction, request: SipRequest, flow: Flow, user: string): boolean {
    if (!this.takesUnauthenticated(request)) return false;
    const event = getEventHeader(request) as EventHeader;
    this.subscribe(tx, request, flow, user, event);
    return true;
  }

  handleInDialog(tx: ServerTransaction, request: SipRequest, flow: Flow): boolean {
    const dialog = this.dialogs.find(request);
    const subscription = dialog ? this.subscriptions.get(key(dialog.id)) : undefined;
    if (!dialog || !subscription) return false;
    if (request.method !== 'SUBSCRIBE') {
      tx.respond(405, undefined, { headers: [{ name: 'Allow', value: 'SUBSCRIBE' }] });
      return true;
    }
    if (!dialog.acceptRemoteCSeq(request)) {
      tx.respond(500, 'CSeq out of order');
      return true;
    }
    const proof = this.proveKey(request, subscription.mac);
    if (proof.kind === 'invalid' || (subscription.publicKey !== null && (proof.kind !== 'valid' || proof.publicKey !== subscription.publicKey))) {
      // The refresh must come from the holder of the subscription's key: anyone else could take over its dialog.
      this.refuse(tx, proof);
      return true;
    }
    const expires = this.grant(tx, request);
    if (expires === null) return true;
    subscription.flow = flow;
    this.recordIfPending(subscription.mac, request, subscription.event, flow, subscription.publicKey);
    tx.respond(200, undefined, { headers: [{ name: 'Expires', value: String(expires) }] });
    if (expires === 0) {
      // RFC 6665 §4.2.1.4: an unsubscribe is answered with a final NOTIFY.
      this.notify(subscription, 'terminated');
      this.forget(subscription);
      return true;
    }
    this.arm(subscription, expires);
    this.notify(subscription, 'active'); // RFC 6665 §4.2.1.2: a refresh is answered with the current state
    return true;
  }

  handleAck(): boolean {
    return false;
  }

  handleCancel(): boolean {
    return false;
  }

  flowClosed(flowId: string): void {
    for (const subscription of [...this.subscriptions.values()]) if (subscription.flow.id === flowId) this.forget(subscription);
  }

  close(): void {
    for (const subscription of [...this.subscriptions.values()]) this.forget(subscription);
  }

  /**
   * The admin assigned the phone with this MAC to `deviceName` ("Assign Ext") and its record is enrolled to the phone's
   * key: every subscription of the MAC that proved that key gets a NOTIFY with the document's URL now. Returns how many
   * were sent (0: the phone is not subscribed at the moment — it gets the URL with its next SUBSCRIBE). Throws when
   * the device has no provisioning URL.
   */
  assign(mac: Mac, deviceName: string): number {
    if (this.options.directory.provisioningUrl(deviceName) === null) throw new Error(`There is no hot-desking device ${deviceName}`);
    let sent = 0;
    for (const subscription of this.subscriptions.values()) {
      if (subscription.mac !== mac || this.urlFor(subscription) === null) continue;
      this.notify(subscription, 'active');
      sent++;
    }
    return sent;
  }

  /** MACs with a live subscription (for tests and the console). */
  subscribedMacs(): Mac[] {
    return [...new Set([...this.subscriptions.values()].map((subscription) => subscription.mac))];
  }

  private subscribe(tx: ServerTransaction, request: SipRequest, flow: Flow, user: string, event: EventHeader): void {
    const profileType = eventParam(event, 'profile-type');
    if (profileType?.toLowerCase() !== 'device') {
      // Only the device profile exists here; RFC 6665 §8.2.1 / §4.2.1.1: an event this notifier does not serve.
      tx.respond(489, 'Only profile-type=device is served', { headers: [{ name: 'Allow-Events', value: UA_PROFILE_EVENT }] });
      return;
    }
    const mac = deviceMac(request, user);
    if (mac === null) {
      tx.respond(400, 'The Request-URI (or From) user must be the device MAC address');
      return;
    }
    if (getContacts(request)?.contacts[0] === undefined) {
      tx.respond(400, 'A SUBSCRIBE needs a Contact (RFC 6665 §4.1.2.1)');
      return;
    }
    if (this.subscriptions.size >= (this.options.maxSubscriptions ?? DEFAULT_MAX_SUBSCRIPTIONS)) {
      tx.respond(503, 'Too many profile subscriptions', { headers: [{ name: 'Retry-After', value: '60' }] });
      return;
    }
    const proof = this.proveKey(request, mac);
    if (proof.kind === 'invalid') {
      this.refuse(tx, proof);
      return;
    }
    const publicKey = proof.kind === 'valid' ? proof.publicKey : null;
    const expires = this.grant(tx, request);
    if (expires === null) return;
    this.recordIfPending(mac, request, event, flow, publicKey);
    const transport = flow.secure ? 'wss' : 'ws';
    const response = buildResponse(request, 200, {
      toTag: this.options.ids.tag(),
      headers: [
        { name: 'Expires', value: String(expires) },
        { name: 'Contact', value: `<sip:${UA_PROFILE_EVENT}@${this.options.viaHost};transport=${transport}>` },
      ],
    });
    if (!tx.respond(response)) return;
    const dialog = createUasDialog(request, response, { transportSecure: flow.secure });
    const subscription = new ProfileSubscription(mac, publicKey, dialog, flow, event, profileUrlFormat(request));
    if (expires === 0) {
      // A fetch (RFC 6665 §4.4.3): the state once, no subscription kept.
      this.notify(subscription, 'terminated');
      return;
    }
    this.dialogs.add(dialog);
    this.subscriptions.set(key(dialog.id), subscription);
    this.arm(subscription, expires);
    this.notify(subscription, 'active');
  }

  /** The device-key proof of a SUBSCRIBE for `mac`, checked and (when it holds) spent. */
  private proveKey(request: SipRequest, mac: Mac): ProofCheck {
    const header = getHeader(request, DEVICE_PROOF_SIP_HEADER);
    const proof = header === undefined ? null : parseDeviceProof(header);
    if (header !== undefined && proof === null) return { kind: 'invalid', reason: 'signature' };
    return this.options.proofs.check(proof, { scope: 'sip', method: 'SUBSCRIBE', target: sipProofTarget(mac, getCallId(request) ?? '') });
  }

  private refuse(tx: ServerTransaction, proof: ProofCheck): void {
    if (proof.kind === 'invalid' && proof.reason === 'busy') {
      tx.respond(503, 'Too many device proofs', { headers: [{ name: 'Retry-After', value: '60' }] });
    } else {
      tx.respond(403, 'Device key proof missing or invalid');
    }
  }

  private grant(tx: ServerTransaction, request: SipRequest): number | null {
    return grantExpires(tx, request, { min: UA_PROFILE_MIN_EXPIRES, max: this.maxExpires });
  }

  private arm(subscription: ProfileSubscription, expires: number): void {
    const { clock } = this.options;
    if (subscription.timer) clock.clearTimeout(subscription.timer);
    subscription.expiresAt = clock.now() + expires * 1000;
    subscription.timer = clock.setTimeout(() => {
      subscription.timer = null;
      this.notify(subscription, 'terminated', 'timeout'); // RFC 6665 §4.2.2
      this.forget(subscription);
    }, expires * 1000);
  }

  private forget(subscription: ProfileSubscription): void {
    if (subscription.timer) this.options.clock.clearTimeout(subscription.timer);
    subscription.timer = null;
    this.dialogs.remove(subscription.dialog);
    this.subscriptions.delete(key(subscription.dialog.id));
  }

  /** Lists the phone unless its MAC's device is enrolled to the key it proved. */
  private recordIfPending(mac: Mac, request: SipRequest, event: EventHeader, flow: Flow, publicKey: string | null): void {
    const device = this.options.directory.findDeviceByMac(mac);
    if (device && publicKey !== null && device.publicKey === publicKey) return;
    this.options.directory.recordPendingPhone({
      mac,
      userAgent: (getHeader(request, 'User-Agent') ?? '').slice(0, 256),
      vendor: eventParam(event, 'vendor')?.slice(0, 64) ?? null,
      model: eventParam(event, 'model')?.slice(0, 64) ?? null,
      firmware: eventParam(event, 'version')?.slice(0, 64) ?? null,
      address: flow.remoteAddress,
      publicKey,
      at: new Date(this.options.clock.now()),
    });
  }

  /** The document's URL when the MAC's device is enrolled to the key this subscriber proved; else null. */
  private urlFor(subscription: ProfileSubscription): string | null {
    const device = this.options.directory.findDeviceByMac(subscription.mac);
    if (!device || device.publicKey === null || device.publicKey !== subscription.publicKey) return null;
    return this.options.directory.provisioningUrl(device.name);
  }

  /** A NOTIFY with the full state (RFC 6665 §4.2.2): no body while pending, the document's URL once enrolled. */
  private notify(subscription: ProfileSubscription, state: 'active' | 'terminated', reason?: string): void {
    const url = this.urlFor(subscription);
    const subscriptionState =
      state === 'active' ? `active;expires=${subscription.secondsLeft(this.options.clock.now())}` : `terminated${reason ? `;reason=${reason}` : ''}`;
    const headers: SipHeader[] = [
      { name: 'Event', value: subscription.event.raw },
      { name: 'Subscription-State', value: subscriptionState },
    ];
    const contentId = `${this.options.ids.tag()}@${this.options.viaHost}`;
    const body = url === null ? undefined : profileUrlBody(url, subscription.format, contentId);
    try {
      const notify = subscription.dialog.createRequest('NOTIFY', { headers, ...(body ? { body } : {}) });
      this.options.layer.sendRequest(notify, subscription.flow, {
        onFinal: (response) => {
          // RFC 6665 §4.2.2: a NOTIFY failing with anything but 2xx ends the subscription.
          if (response.status >= 300) this.forget(subscription);
        },
        onTimeout: () => this.forget(subscription),
      });
    } catch (error) {
      this.forget(subscription);
      (this.options.onError ?? ((problem: unknown) => console.error('ua-profile NOTIFY failed:', problem)))(error);
    }
  }
}

/** The MAC the device identifies itself with: the Request-URI user, else the From user (see the class doc). */
function deviceMac(request: SipRequest, user: string): Mac | null {
  const fromUri = getFrom(request)?.uri;
  const fromUser = fromUri?.kind === 'sip' ? (fromUri.user ?? '') : '';
  return macFromDeviceId(user) ?? macFromDeviceId(fromUser);
}

function key(id: { callId: string; localTag: string; remoteTag: string }): string {
  return `${id.callId} ${id.localTag} ${id.remoteTag}`;
}
