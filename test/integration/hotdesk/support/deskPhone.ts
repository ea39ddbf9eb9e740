import { createHash, randomBytes } from 'node:crypto';
import type { DeviceKey } from '../../../../electron/host/identity/deviceKey';
import { deviceRequestHeaders } from '../../../../electron/host/provisioning/deviceRequest';
import { checkProvisioningDocument, type ProvisioningDocument } from '../../../../shared/sip/provisioningDocument';
import { createBrowserPeer, type BrowserPeer } from '../../support/browserPeer';
import type { RawResponse } from '../../support/rawSipClient';
import type { TestPbx } from '../../support/pbxServer';
import { answerOffer, type AnsweringPeer } from '../../support/answeringPeer';
import { type IncomingRequest, responseText, SipConnection } from './sipConnection';

const md5 = (text: string) => createHash('md5').update(text).digest('hex');
const DOMAIN = 'hotdesk.local';

/** Digest `Authorization` (RFC 2617, qop=auth) from an HA1, as a provisioned phone (JsSIP's `ha1` option) makes it. */
function authorization(challenge: string, user: string, ha1: string, method: string, uri: string): string {
  const field = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(challenge)?.[1] ?? '';
  const cnonce = randomBytes(8).toString('hex');
  const response = md5(`${ha1}:${field('nonce')}:00000001:${cnonce}:auth:${md5(`${method}:${uri}`)}`);
  return `Digest username="${user}", realm="${field('realm')}", nonce="${field('nonce')}", uri="${uri}", response="${response}", algorithm=MD5, cnonce="${cnonce}", qop=auth, nc=00000001, opaque="${field('opaque')}"`;
}

/**
 * A hot-desking phone for tests, doing what the device side does: it fetches its provisioning document (proving its
 * device key, as every request under /provisioning/ must), registers with its account (HA1), re-fetches on check-sync
 * when asked, and re-registers as the new identity over a new connection. Calls carry real WebRTC media (a werift peer).
 */
export class DeskPhone {
  document!: ProvisioningDocument;
  connection!: SipConnection;
  /** check-sync NOTIFYs received, over every connection. */
  checkSyncs = 0;
  readonly calls: IvrCall[] = [];
  /** Calls the PBX placed to this phone, in arrival order. */
  readonly incoming: IncomingCall[] = [];
  private incomingWaiters: Array<() => void> = [];
  private incomingSeen = 0;
  private checkSyncWaiters: Array<() => void> = [];
  private readonly callId = () => `${randomBytes(8).toString('hex')}@desk`;

  private constructor(
    private server: TestPbx,
    readonly deviceName: string,
    private readonly key: DeviceKey,
  ) {}

  /** The phone of `deviceName` (enrolled to `key`), provisioned and registered as its document says. */
  static async start(server: TestPbx, deviceName: string, key: DeviceKey): Promise<DeskPhone> {
    const phone = new DeskPhone(server, deviceName, key);
    phone.document = await phone.fetchDocument();
    await phone.connect();
    return phone;
  }

  get url(): string {
    const url = this.server.pbx.provisioning.urlFor(this.deviceName);
    if (!url) throw new Error(`no provisioning URL for ${this.deviceName}`);
    return url;
  }

  /** The SIP user the phone is registered as. */
  get user(): string {
    const identity = this.document.identity;
    return identity.kind === 'pool' ? identity.name : identity.extension;
  }

  /** A request under /provisioning/ with the device-key proof (the device host's one request helper). */
  provisioningRequest(method: string, url: string, body?: unknown, contentType = 'application/json'): Promise<Response> {
    const headers = { ...deviceRequestHeaders(this.key, method, url), ...(body === undefined ? {} : { 'Content-Type': contentType }) };
    return fetch(url, { method, headers, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) });
  }

  async fetchDocument(): Promise<ProvisioningDocument> {
    const response = await this.provisioningRequest('GET', this.url);
    if (response.status !== 200) throw new Error(`document fetch answered ${response.status}`);
    const checked = checkProvisioningDocument(await response.json());
    if (!checked.ok) throw new Error(checked.error);
    return checked.document;
  }

  /** What the device does on check-sync: re-fetch, and when the identity changed, re-register over a new connection. */
  async reprovision(): Promise<void> {
    const next = await this.fetchDocument();
    const changed = next.etag !== this.document.etag;
    this.document = next;
    if (!changed) return;
    await this.connection.close();
    await this.connect();
  }

  /**
   * Connects and registers again with the document it has, without re-fetching: what a device does when its PBX
   * comes back after a restart (`server`, on the same address).
   */
  async reconnect(server: TestPbx = this.server): Promise<void> {
    this.server = server;
    if (this.connection.isOpen) await this.connection.close();
    await this.connect();
  }

  nextCheckSync(): Promise<void> {
    return new Promise((resolve) => this.checkSyncWaiters.push(resolve));
  }

  /** REGISTER with the document's account; resolves with the final status. */
  async register(expires = 300): Promise<number> {
    const { account } = this.document;
    if (account.credentials.kind !== 'ha1') throw new Error('the embedded PBX hands out HA1 credentials');
    const ha1 = account.credentials.ha1;
    const callId = this.callId();
    const base = { method: 'REGISTER', uri: `sip:${DOMAIN}`, callId, from: account.uri, fromTag: 'reg', to: account.uri, headers: [`Expires: ${expires}`] };
    const challenge = await this.connection.request({ ...base, cseq: 1 });
    if (challenge.status !== 401) return challenge.status;
    const credentials = authorization(challenge.headers.get('www-authenticate')?.[0] ?? '', account.authUser, ha1, 'REGISTER', base.uri);
    return (await this.connection.request({ ...base, cseq: 2, headers: [...base.headers, `Authorization: ${credentials}`] })).status;
  }

  /** Calls `number` with a WebRTC offer; for a 200 the ACK is sent and the media connected. */
  async dial(number: string): Promise<IvrCall> {
    const peer = await createBrowserPeer();
    const call = new IvrCall(this.connection, peer, this.callId(), `sip:${this.user}@${DOMAIN}`, `sip:${number}@${DOMAIN}`);
    this.calls.push(call);
    await call.invite();
    return call;
  }

  /**
   * The whole login as the device does it: `*77*<ext>*`, the PIN, and on check-sync the IVR call hung up and the
   * phone re-registered as the user. Resolves with the captions the call showed.
   */
  async logIn(extension: string, pin: string): Promise<string[]> {
    const call = await this.dial(`*77*${extension}*`);
    if (call.status !== 200) throw new Error(`the login call was answered ${call.status} ${call.response.reason}`);
    await call.nextCaption();
    const checkSync = this.nextCheckSync();
    await call.infoKeys(`${pin}#`);
    await checkSync;
    if (!call.byeReceived) await call.hangUp();
    await this.reprovision();
    return call.captions;
  }

  /** The next call the PBX places to this phone (each one is returned once), ringing: answer() it. */
  async nextIncoming(): Promise<IncomingCall> {
    const seen = this.incomingSeen;
    while (this.incoming.length <= seen) await new Promise<void>((resolve) => this.incomingWaiters.push(resolve));
    this.incomingSeen += 1;
    return this.incoming[seen] as IncomingCall;
  }

  async close(): Promise<void> {
    await Promise.all([...this.calls.map((call) => call.peer.close()), ...this.incoming.map((call) => call.close())]);
    await this.connection.close();
  }

  private async connect(): Promise<void> {
    this.connection = await SipConnection.open(this.document.account.webSocketUrls[0] as string);
    this.connection.onRequest = (request) => this.onRequest(request);
    const status = await this.register();
    if (status !== 200) throw new Error(`${this.user} could not register: ${status}`);
  }

  private onRequest(request: IncomingRequest): number {
    if (request.method === 'NOTIFY' && request.header('event') === 'check-sync') {
      this.checkSyncs += 1;
      for (const wake of this.checkSyncWaiters.splice(0)) wake();
      return 200;
    }
    const call = this.calls.find((candidate) => candidate.callId === request.header('call-id'));
    if (call) return call.receive(request);
    const incoming = this.incoming.find((candidate) => candidate.callId === request.header('call-id'));
    if (incoming) return incoming.receive(request);
    if (request.method !== 'INVITE') return 481;
    this.incoming.push(new IncomingCall(this.connection, request));
    for (const wake of this.incomingWaiters.splice(0)) wake();
    return 180;
  }
}

/** One call of a DeskPhone: its captions (INFO), keys sent by RFC 4733 or SIP INFO, and how it ended. */
export class IvrCall {
  response!: RawResponse;
  readonly captions: string[] = [];
  byeReceived = false;
  private read = 0;
  private remoteTag = '';
  private remoteTarget = '';
  private cseq = 1;
  private waiters: Array<() => void> = [];
  private readonly fromTag = randomBytes(4).toString('hex');

  constructor(
    private readonly connection: SipConnection,
    readonly peer: BrowserPeer,
    readonly callId: string,
    private readonly from: string,
    private readonly to: string,
  ) {}

  get status(): number {
    return this.response.status;
  }

  async invite(): Promise<void> {
    this.response = await this.connection.request({ ...this.dialog('INVITE', this.to), headers: ['Content-Type: application/sdp'], body: this.peer.offer });
    if (this.response.status !== 200) return;
    this.remoteTag = /;tag=([^;\s]+)/.exec(this.response.headers.get('to')?.[0] ?? '')?.[1] ?? '';
    this.remoteTarget = /<([^>]+)>/.exec(this.response.headers.get('contact')?.[0] ?? '')?.[1] ?? '';
    this.connection.send(ackText(this.connection, this.callId, this.from, this.fromTag, this.to, this.remoteTag, this.remoteTarget));
    await this.peer.accept(this.response.text.split('\r\n\r\n')[1] ?? '');
    await this.peer.connected;
  }

  /** The next caption the IVR sent (in order: each one is read once). */
  async nextCaption(): Promise<string> {
    await this.until(() => this.captions.length > this.read);
    return this.captions[this.read++] as string;
  }

  /** Resolves once at least `count` PCMU packets (the prompts' audio) have arrived. */
  async audio(count: number): Promise<void> {
    const pcmu = () => this.peer.received.filter((packet) => packet.header.payloadType === 0).length;
    if (pcmu() >= count) return;
    await new Promise<void>((resolve) => this.peer.onPacket(() => pcmu() >= count && resolve()));
  }

  /** Resolves when the PBX has hung up (BYE). */
  async ended(): Promise<void> {
    await this.until(() => this.byeReceived);
  }

  async rtpKeys(keys: string): Promise<void> {
    for (const key of keys) await this.peer.sendDtmf(key);
  }

  /** Each key as an in-dialog INFO `application/dtmf-relay`, as JsSIP sends DTMF by default. */
  async infoKeys(keys: string): Promise<void> {
    for (const key of keys) {
      const response = await this.connection.request({ ...this.dialog('INFO', this.remoteTarget), headers: ['Content-Type: application/dtmf-relay'], body: `Signal=${key}\r\nDuration=100` });
      if (response.status !== 200) throw new Error(`INFO answered ${response.status}`);
    }
  }

  async hangUp(): Promise<number> {
    return (await this.connection.request(this.dialog('BYE', this.remoteTarget))).status;
  }

  /** Puts the call on hold as JsSIP does: a re-INVITE with a `sendonly` offer, ACKed. Resolves with its status. */
  async hold(): Promise<number> {
    const request = this.dialog('INVITE', this.remoteTarget);
    const response = await this.connection.request({ ...request, headers: ['Content-Type: application/sdp'], body: await this.peer.reoffer('sendonly') });
    if (response.status === 200) this.connection.send(ackText(this.connection, this.callId, this.from, this.fromTag, this.to, this.remoteTag, this.remoteTarget, request.cseq));
    return response.status;
  }

  receive(request: IncomingRequest): number {
    if (request.method === 'INFO' && request.header('info-package') === 'hotdesk-caption') {
      if (request.header('content-type') !== 'text/plain;charset=utf-8') return 415;
      this.captions.push(request.body);
    } else if (request.method === 'BYE') this.byeReceived = true;
    for (const wake of this.waiters.splice(0)) wake();
    return 200;
  }

  private dialog(method: string, uri: string) {
    const cseq = this.cseq++;
    return { method, uri, callId: this.callId, cseq, from: this.from, fromTag: this.fromTag, to: this.to, ...(this.remoteTag ? { toTag: this.remoteTag } : {}) };
  }

  private async until(predicate: () => boolean): Promise<void> {
    while (!predicate()) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }
}

function ackText(connection: SipConnection, callId: string, from: string, fromTag: string, to: string, toTag: string, target: string, cseq = 1): string {
  return [
    `ACK ${target} SIP/2.0`,
    `Via: SIP/2.0/WS ${connection.host};branch=z9hG4bK${randomBytes(6).toString('hex')}`,
    'Max-Forwards: 70',
    `From: <${from}>;tag=${fromTag}`,
    `To: <${to}>;tag=${toTag}`,
    `Call-ID: ${callId}`,
    `CSeq: ${cseq} ACK`,
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}

/** A call the PBX placed to the phone: answered with a real WebRTC answer, its captions (INFO) and how it ended. */
export class IncomingCall {
  readonly captions: string[] = [];
  byeReceived = false;
  private peer: AnsweringPeer | null = null;
  private readonly toTag = randomBytes(4).toString('hex');
  private cseq = 1;
  private waiters: Array<() => void> = [];

  constructor(
    private readonly connection: SipConnection,
    readonly invite: IncomingRequest,
  ) {}

  get callId(): string {
    return this.invite.header('call-id') ?? '';
  }

  /** Answers 200 with an SDP answer and resolves once the media is connected. */
  async answer(): Promise<AnsweringPeer> {
    const peer = (this.peer = await answerOffer(this.invite.body));
    const headers = [`Contact: ${this.connection.contact}`, 'Content-Type: application/sdp'];
    this.connection.send(responseText(this.invite, { status: 200, toTag: this.toTag, headers, body: peer.answer }));
    await peer.connected;
    return peer;
  }

  async nextCaption(): Promise<string> {
    while (this.captions.length === 0) await new Promise<void>((resolve) => this.waiters.push(resolve));
    return this.captions.shift() as string;
  }

  /** Hangs up with a BYE to the caller's Contact. */
  async hangUp(): Promise<number> {
    const from = /<([^>]+)>/.exec(this.invite.header('to') ?? '')?.[1] ?? '';
    const to = /<([^>]+)>/.exec(this.invite.header('from') ?? '')?.[1] ?? '';
    const fromTag = /;tag=([^;\s]+)/.exec(this.invite.header('from') ?? '')?.[1] ?? '';
    const target = /<([^>]+)>/.exec(this.invite.header('contact') ?? '')?.[1] ?? '';
    const response = await this.connection.request({ method: 'BYE', uri: target, callId: this.callId, cseq: this.cseq++, from, fromTag: this.toTag, to, toTag: fromTag });
    return response.status;
  }

  receive(request: IncomingRequest): number {
    if (request.method === 'INFO' && request.header('info-package') === 'hotdesk-caption') this.captions.push(request.body);
    else if (request.method === 'BYE') this.byeReceived = true;
    for (const wake of this.waiters.splice(0)) wake();
    return 200;
  }

  close(): Promise<void> {
    return this.peer?.close() ?? Promise.resolve();
  }
}
