import { randomBytes } from 'node:crypto';
import type { Mac } from '../../../shared/domain/mac';
import type { Backoff } from '../../../shared/util/backoff';
import { KIOSK_MODEL, KIOSK_VENDOR, UA_PROFILE_EVENT, macDeviceId } from '../../../shared/sip/plugAndPlay';
import { buildOutOfDialogRequest, type Clock, createUacDialog, type Dialog, type IdSource, randomIds, type ServerTransaction, systemClock, type TimerHandle, TransactionLayer, type TransactionUser } from '../../sip';
import {
  getCallId,
  getHeader,
  getMinExpires,
  getToTag,
  parseSipUri,
  type SipRequest,
  type SipResponse,
} from '../../sip';
import { DEVICE_PROOF_SIP_HEADER, formatDeviceProof, sipProofTarget } from '../../../shared/sip/deviceProof';
import type { DeviceKey } from '../identity/deviceKey';
import { profileUrlFromNotify } from './profileUrl';
import { retryBackoff, type RetryMs } from './retryBackoff';
import { openWsSipSocket, type SipSocket, type SipSocketFactory } from './sipSocket';

export interface PnpSubscriberOptions {
  mac: Mac;
  /** The host's device key: every SUBSCRIBE carries the public key and proves it (README, "Device enrolment"). */
  deviceKey: DeviceKey;
  /** The PBX's or SBC's SIP WebSocket, e.g. `ws://127.0.0.1:5170/sip`. */
  webSocketUrl: string;
  /** Host part of the Request-URI; the WebSocket URL's host by default (the PBX answers to its own address). */
  domain?: string;
  /** The app version announced in `Event: ua-profile;version=...` and User-Agent. */
  version: string;
  /** Subscription length asked for; default 120 s. */
  expires?: number;
  /** Re-subscribe interval while pending (as hardware phones do); default 30 s. */
  refreshMs?: number;
  /** Reconnect backoff; default 1 s doubling to 30 s. */
  retryMs?: RetryMs;
  clock?: Clock;
  ids?: IdSource;
  openSocket?: SipSocketFactory;
  /** The profile URL arrived (RFC 6080 §6.5): the subscriber stops itself before calling this. */
  onUrl(url: string): void;
  /** Connection state, for the display ("waiting for the administrator" / "No service"). */
  onState?(state: PnpState): void;
}

export type PnpState = { kind: 'connecting' } | { kind: 'pending' } | { kind: 'failed'; reason: string };

/**
 * The device side of SIP plug-and-play (RFC 6080 §5.1.1, §6): over a SIP WebSocket, `SUBSCRIBE sip:<mac>@<pbx>` with
 * `Event: ua-profile;profile-type="device";vendor="Hotdesk";model="Kiosk";version="..."` and a
 * `Hotdesk-Device-Proof` of the device key (shared/sip/deviceProof.ts), refreshed every `refreshMs`
 * while pending; when a NOTIFY carries the profile URL it stops and reports the URL. Reconnects with backoff.
 * Built on the PBX's transaction and dialog layers, so the SIP rules live in one place.
 */
export class PnpSubscriber implements TransactionUser {
  private readonly clock: Clock;
  private readonly ids: IdSource;
  private readonly viaHost = `${randomBytes(5).toString('hex')}.invalid`;
  private readonly layer: TransactionLayer;
  private socket: SipSocket | null = null;
  private dialog: Dialog | null = null;
  private callId = '';
  private fromTag = '';
  private expires: number;
  private timer: TimerHandle | null = null;
  private readonly retries: Backoff;
  private running = false;

  constructor(private readonly options: PnpSubscriberOptions) {
    this.clock = options.clock ?? systemClock;
    this.ids = options.ids ?? randomIds;
    this.expires = options.expires ?? 120;
    this.retries = retryBackoff(options.retryMs);
    this.layer = new TransactionLayer({ clock: this.clock, ids: this.ids, user: this, viaHost: this.viaHost });
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.connect();
  }

  stop(): void {
    if (!this.running) return;
    this.running = false;
    this.clearTimer();
    this.dialog = null;
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      this.layer.flowClosed(socket);
      socket.close('provisioned');
    }
  }

  // TransactionUser: the PBX sends NOTIFYs in the subscription dialog.
  onRequest(tx: ServerTransaction, request: SipRequest): void {
    if (request.method !== 'NOTIFY' || getCallId(request) !== this.callId || getToTag(request) !== this.fromTag) {
      tx.respond(request.method === 'NOTIFY' ? 481 : 405);
      return;
    }
    tx.respond(200);
    const url = profileUrlFromNotify(request);
    if (url !== null) {
      this.stop();
      this.options.onUrl(url);
      return;
    }
    if (/^\s*terminated/i.test(getHeader(request, 'Subscription-State') ?? '')) {
      // The PBX ended the subscription (expired, restarted): subscribe afresh.
      this.dialog = null;
      this.schedule(() => this.subscribe(), 0);
    }
  }

  onAck(): void {}
  onCancel(): void {}
  onStrayResponse(): void {}

  private connect(): void {
    if (!this.running) return;
    this.options.onState?.({ kind: 'connecting' });
    const open = this.options.openSocket ?? openWsSipSocket;
    const socket = open(this.options.webSocketUrl, {
      onOpen: () => {
        if (this.socket !== socket) return;
        this.subscribe();
      },
      onMessage: (text) => {
        if (this.socket === socket) this.layer.receive(socket, text);
      },
      onClose: (reason) => {
        if (this.socket !== socket) return;
        this.socket = null;
        this.dialog = null;
        this.layer.flowClosed(socket);
        this.retry(`No service: ${reason}`);
      },
    });
    this.socket = socket;
  }

  /** A new subscription (no dialog yet) or a refresh of the current one (RFC 6665 §4.1.2.2). */
  private subscribe(): void {
    const socket = this.socket;
    if (!this.running || !socket) return;
    this.clearTimer();
    const request = this.dialog ? this.refreshRequest(this.dialog) : this.initialRequest();
    this.layer.sendRequest(request, socket, {
      onFinal: (response) => this.subscribed(request, response),
      onTimeout: () => this.failed('the PBX did not answer the PnP SUBSCRIBE'),
      onTransportError: () => this.failed('the connection to the PBX failed'),
    });
  }

  private subscribed(request: SipRequest, response: SipResponse): void {
    if (!this.running) return;
    if (response.status >= 200 && response.status < 300) {
      if (!this.dialog) this.dialog = createUacDialog(request, response);
      this.retries.reset();
      this.options.onState?.({ kind: 'pending' });
      this.schedule(() => this.subscribe(), this.options.refreshMs ?? 30_000);
      return;
    }
    this.dialog = null;
    if (response.status === 423) {
      this.expires = Math.max(this.expires, getMinExpires(response) ?? this.expires);
      this.schedule(() => this.subscribe(), 0);
      return;
    }
    this.failed(`the PBX refused the PnP SUBSCRIBE (${response.status} ${response.reason})`);
  }

  private failed(reason: string): void {
    this.dialog = null;
    this.retry(reason);
  }

  private retry(reason: string): void {
    if (!this.running) return;
    this.options.onState?.({ kind: 'failed', reason });
    this.schedule(() => (this.socket ? this.subscribe() : this.connect()), this.retries.next());
  }

  private schedule(fn: () => void, ms: number): void {
    this.clearTimer();
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      fn();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private subscriptionHeaders() {
    const { version, deviceKey, mac } = this.options;
    const proof = deviceKey.prove({ scope: 'sip', method: 'SUBSCRIBE', target: sipProofTarget(mac, this.callId) }, this.clock.now());
    return [
      { name: DEVICE_PROOF_SIP_HEADER, value: formatDeviceProof(proof) },
      { name: 'Event', value: `${UA_PROFILE_EVENT};profile-type="device";vendor="${KIOSK_VENDOR}";model="${KIOSK_MODEL}";version="${version}"` },
      { name: 'Expires', value: String(this.expires) },
      { name: 'Accept', value: 'application/url, message/external-body' },
      { name: 'User-Agent', value: `${KIOSK_VENDOR}-${KIOSK_MODEL}/${version}` },
    ];
  }

  private initialRequest(): SipRequest {
    const deviceId = macDeviceId(this.options.mac);
    const socket = this.socket as SipSocket;
    const domain = this.options.domain ?? new URL(this.options.webSocketUrl).hostname;
    const aor = `sip:${deviceId}@${domain}`;
    this.callId = this.ids.callId();
    this.fromTag = this.ids.tag();
    const requestUri = parseSipUri(aor);
    if (!requestUri) throw new Error(`Cannot subscribe to ${aor}: not a SIP URI`);
    return buildOutOfDialogRequest({
      method: 'SUBSCRIBE',
      requestUri,
      from: { uri: aor, tag: this.fromTag },
      to: aor,
      callId: this.callId,
      cseq: 1,
      contact: { user: deviceId, host: this.viaHost, secure: socket.secure },
      headers: this.subscriptionHeaders(),
    });
  }

  private refreshRequest(dialog: Dialog): SipRequest {
    return dialog.createRequest('SUBSCRIBE', { headers: this.subscriptionHeaders() });
  }
}
