import { CHECK_SYNC_EVENT } from '../../../shared/sip/plugAndPlay';
import { AUTO_ANSWER_PARAM, PICKUP_WINDOW_MS } from '../../../shared/sip/directedPickup';
import JsSIP from 'jssip';
import type { RTCSessionEvent, UA, UAConfiguration } from 'jssip/lib/UA';
import type { Bridge, PhoneAccount } from '../../../shared/contracts';
import type { DialIntent } from '../../../shared/domain/dialString';
import { callTarget, domainOf, numberFromUser, sameAccount, uaSettings } from './account';
import { NO_SERVICE_CALL, responseOf } from './callEnd';
import { mediaConstraintsFor, type CallSession } from './callSession';
import { newCall } from './callView';
import { ONE_CALL_AT_A_TIME, PhoneCalls, rejectBusy } from './phoneCalls';
import type { AudioDevices, PhoneListener, PhoneService, SoundSettings } from './phoneService';
import { nextRegistration, registerRetryDelay, type RegistrationState, type UaSignal } from './registration';
import { BlfSubscriptions } from './blfSubscriptions';
import { DO_NOT_DISTURB_REASON, refusedByDoNotDisturb } from './doNotDisturb';
import { RemoteAudio } from './remoteAudio';
import { registrationRefusal } from './sipStatusText';
import { TonePlayer } from './ringer';

export const NOT_REGISTERABLE = 'This phone has no SIP account — it cannot place calls';
export { ONE_CALL_AT_A_TIME };

export interface SipPhoneOptions {
  readonly bridge: Pick<Bridge, 'invoke'>;
  /** Makes the user agent; tests and tools may pass their own. */
  readonly createUa?: (configuration: UAConfiguration) => UA;
  readonly tones?: CallSessionTones;
  readonly remoteAudio?: { attach(stream: MediaStream): void; detach(): void; setOutputDevice(deviceId: string | null): void; setVolume(volume: number): void };
  readonly random?: () => number;
  readonly now?: () => number;
  readonly log?: (message: string, detail?: unknown) => void;
}

type CallSessionTones = ConstructorParameters<typeof CallSession>[4]['tones'] & {
  setOutputDevice(deviceId: string | null): void;
  setSound(sound: SoundSettings): void;
};

const SILENT: PhoneListener = {
  registrationChanged: () => undefined,
  callsChanged: () => undefined,
  callEnded: () => undefined,
  missedWhileBusy: () => undefined,
  blfStateChanged: () => undefined,
};

function defaultUa(configuration: UAConfiguration): UA {
  return new JsSIP.UA(configuration);
}

/**
 * The real phone: one JsSIP user agent registered as the account the device host gives this page (`phone.account`),
 * re-created when that account changes (hot-desk login/logout, roaming) — deferred while a call is up. It reports the
 * registration lamp and the calls (`PhoneCalls`) to the store, and carries out what the store asks (dial, answer, hold,
 * DTMF, transfer...).
 */
export class SipPhone implements PhoneService {
  private listener: PhoneListener = SILENT;
  private running = false;
  private account: PhoneAccount | null = null;
  /** An account change that arrived during a call; applied when the call ends (undefined: none). */
  private deferredAccount: PhoneAccount | null | undefined = undefined;
  private ua: UA | null = null;
  private registration: RegistrationState = 'unregistered';
  /** Why the registrar refused the credentials, while the lamp says `refused`. */
  private refusal: string | null = null;
  private registerAttempt = 0;
  private registerTimer: ReturnType<typeof setTimeout> | null = null;
  private fetchGeneration = 0;
  private fetchAttempt = 0;
  private fetchTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly calls: PhoneCalls;
  private audio: AudioDevices = { inputDeviceId: null, outputDeviceId: null };
  /** The extensions the BLF keys monitor; subscribed over the user agent while it is registered. */
  private monitored: readonly string[] = [];
  private readonly blf: BlfSubscriptions;
  /** When this phone last dialled a directed pickup: only then does it auto-answer the picked call. */
  private pickupDialledAt = Number.NEGATIVE_INFINITY;
  private doNotDisturb = false;
  private readonly tones: CallSessionTones;
  private readonly remoteAudio: NonNullable<SipPhoneOptions['remoteAudio']>;
  private readonly createUa: (configuration: UAConfiguration) => UA;
  private readonly random: () => number;
  private readonly now: () => number;
  private readonly log: (message: string, detail?: unknown) => void;

  constructor(private readonly options: SipPhoneOptions) {
    this.log = options.log ?? ((message, detail) => console.warn(`[phone] ${message}`, detail ?? ''));
    this.tones = options.tones ?? new TonePlayer(this.log);
    this.remoteAudio = options.remoteAudio ?? new RemoteAudio(this.log);
    this.createUa = options.createUa ?? defaultUa;
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
    this.blf = new BlfSubscriptions((extension, state) => this.listener.blfStateChanged(extension, state), this.log);
    this.calls = new PhoneCalls({
      now: this.now,
      tones: this.tones,
      remoteAudio: this.remoteAudio,
      log: this.log,
      listener: () => this.listener,
      media: () => mediaConstraintsFor(this.audio.inputDeviceId),
      domain: () => (this.account ? domainOf(this.account.uri) : null),
      place: (dialString) => this.placeCall(dialString),
      idle: () => this.applyDeferredAccount(),
    });
  }

  start(listener: PhoneListener): () => void {
    this.listener = listener;
    this.running = true;
    listener.registrationChanged(this.registration);
    return () => this.stop();
  }

  refreshAccount(): void {
    if (!this.running) return;
    const generation = ++this.fetchGeneration;
    this.clearFetchTimer();
    this.options.bridge.invoke('phone.account').then(
      (account) => {
        if (generation !== this.fetchGeneration || !this.running) return;
        this.fetchAttempt = 0;
        this.useAccount(account);
      },
      (error: unknown) => {
        if (generation !== this.fetchGeneration || !this.running) return;
        this.log('cannot read the SIP account', error);
        // A working user agent keeps working; without one the lamp says so, and we keep asking.
        if (!this.ua) this.setRegistration('no-service');
        const delay = registerRetryDelay(this.fetchAttempt++, this.random);
        this.fetchTimer = setTimeout(() => this.refreshAccount(), delay);
      },
    );
  }

  setAudioDevices(audio: AudioDevices): void {
    this.audio = audio;
    this.remoteAudio.setOutputDevice(audio.outputDeviceId);
    this.tones.setOutputDevice(audio.outputDeviceId);
  }

  setSound(sound: SoundSettings): void {
    this.tones.setSound(sound);
    this.remoteAudio.setVolume(sound.callVolume / 100);
  }

  monitor(extensions: readonly string[]): void {
    this.monitored = [...extensions];
    this.syncBlf();
  }

  setDoNotDisturb(on: boolean): void {
    this.doNotDisturb = on;
  }

  async dial(intent: DialIntent): Promise<void> {
    if (!this.calls.isEmpty && intent.kind !== 'emergency') throw new Error(ONE_CALL_AT_A_TIME);
    this.readyToCall();
    if (intent.kind === 'pickup') this.pickupDialledAt = this.now();
    if (this.calls.isEmpty) this.calls.place(intent);
    else this.calls.placeOverOthers(intent);
  }

  async hangUp(): Promise<void> {
    this.calls.hangUp();
  }

  async answer(): Promise<void> {
    this.calls.answer();
  }

  async decline(): Promise<void> {
    this.calls.decline();
  }

  async setHold(held: boolean): Promise<void> {
    if (!this.calls.setHold(held)) throw new Error(held ? 'Cannot hold the call right now' : 'Cannot resume the call right now');
  }

  setMute(muted: boolean): void {
    this.calls.setMute(muted);
  }

  sendDtmf(tone: string): void {
    this.calls.sendDtmf(tone);
  }

  async swapTo(callId: string): Promise<void> {
    if (!this.calls.swapTo(callId)) throw new Error('Cannot swap calls right now');
  }

  async transfer(intent: DialIntent): Promise<void> {
    const account = this.readyToCall();
    if (!this.calls.transfer(callTarget(intent.dialString, account.uri), intent.dialString)) throw new Error(CANNOT_TRANSFER);
  }

  async consult(intent: DialIntent): Promise<void> {
    this.readyToCall();
    this.calls.consult(intent);
  }

  async completeTransfer(): Promise<void> {
    if (!this.calls.completeTransfer()) throw new Error(CANNOT_TRANSFER);
  }

  async cancelTransfer(): Promise<void> {
    this.calls.cancelTransfer();
  }

  setCallWaiting(on: boolean): void {
    this.calls.setCallWaiting(on);
  }

  /** The user agent and account to place a call with, or the reason there are none. */
  private readyToCall(): PhoneAccount {
    const { ua, account } = this;
    if (!ua || !account) throw new Error(this.registration === 'unregistered' ? NOT_REGISTERABLE : NO_SERVICE_CALL);
    if (!ua.isConnected()) throw new Error(NO_SERVICE_CALL);
    return account;
  }

  private placeCall(dialString: string): void {
    const account = this.readyToCall();
    this.ua?.call(callTarget(dialString, account.uri), {
      mediaConstraints: mediaConstraintsFor(this.audio.inputDeviceId),
      rtcOfferConstraints: { offerToReceiveAudio: true, offerToReceiveVideo: false },
    });
  }

  private stop(): void {
    this.running = false;
    this.fetchGeneration += 1;
    this.clearFetchTimer();
    for (const call of this.calls.sessions) call.hangUp();
    this.replaceUa(null);
    this.blf.watch(null, '', []);
    this.listener = SILENT;
  }

  private useAccount(account: PhoneAccount | null): void {
    const same = sameAccount(account, this.account);
    if (!this.calls.isEmpty) {
      // Never pull the line from under a call: switch identity once the calls end. A hot-desk code's call (login IVR,
      // logout) has done its job once the identity changed: hang it up rather than wait for its goodbye prompt.
      this.deferredAccount = same ? undefined : account;
      if (!same) for (const call of this.calls.sessions) if (call.call.hotDesk) call.hangUp();
      return;
    }
    if (same && account !== null && this.ua !== null) {
      // The device host answered, so the PBX is likely back too: reconnect now rather than at JsSIP's next recovery
      // attempt, which after a long outage can be up to a minute away.
      if (!this.ua.isConnected()) this.replaceUa(account);
      return;
    }
    if (same && account === null) {
      // Nothing to register (e.g. not provisioned); clears a "No service" left by a failed read of the account.
      this.setRegistration('unregistered');
      return;
    }
    this.replaceUa(account);
  }

  private replaceUa(account: PhoneAccount | null): void {
    this.clearRegisterTimer();
    this.registerAttempt = 0;
    const old = this.ua;
    this.ua = null;
    this.account = account;
    // Unregisters (best effort) and closes the socket; its late events are ignored (every handler checks `this.ua`).
    old?.stop();
    this.syncBlf();
    if (!account || !this.running) {
      this.setRegistration('unregistered');
      return;
    }
    let ua: UA;
    try {
      ua = this.createUa({ ...uaSettings(account), sockets: [new JsSIP.WebSocketInterface(account.webSocketUrl)] });
    } catch (error) {
      this.log('cannot create the SIP user agent', error);
      this.setRegistration('no-service');
      return;
    }
    this.ua = ua;
    this.wire(ua);
    this.signal('started');
    ua.start();
  }

  private wire(ua: UA): void {
    const forward = (signal: UaSignal) => () => {
      if (this.ua === ua) this.signal(signal);
    };
    ua.on('connecting', forward('connecting'));
    ua.on('connected', forward('connected'));
    ua.on('disconnected', () => {
      if (this.ua !== ua) return;
      this.signal('disconnected');
      this.syncBlf(); // the PBX forgot this connection's subscriptions; they are made again once registered
    });
    ua.on('unregistered', forward('unregistered'));
    ua.on('registered', () => {
      if (this.ua !== ua) return;
      this.registerAttempt = 0;
      this.clearRegisterTimer();
      this.signal('registered');
      this.syncBlf();
    });
    ua.on('registrationFailed', (event) => {
      if (this.ua !== ua) return;
      const refusal = registrationRefusal(responseOf(event.response));
      this.signal(refusal ? 'registration-refused' : 'registration-failed', refusal);
      this.log(`registration failed: ${event.cause ?? 'unknown cause'}`);
      this.scheduleRegister(ua);
    });
    ua.on('newRTCSession', (event: RTCSessionEvent) => {
      if (this.ua === ua) this.onSession(event);
    });
    // The PBX's unsolicited NOTIFY `Event: check-sync` (JsSIP answers it 200 itself): the device host re-fetches the
    // provisioning document, and its device.changed makes this phone re-register if the identity changed.
    ua.on('sipEvent', (data) => {
      const eventName = (data.event as { event?: unknown } | undefined)?.event;
      if (this.ua !== ua || eventName !== CHECK_SYNC_EVENT) return;
      this.options.bridge.invoke('provisioning.resync').catch((error: unknown) => this.log('re-provisioning failed', error));
    });
  }

  /**
   * After a failed REGISTER: wait (2 s doubling to 60 s), re-read the account in case the identity changed meanwhile,
   * and REGISTER again if the socket is up. While it is down JsSIP reconnects on its own and registers once connected.
   */
  private scheduleRegister(ua: UA): void {
    this.clearRegisterTimer();
    const delay = registerRetryDelay(this.registerAttempt++, this.random);
    this.registerTimer = setTimeout(() => {
      this.registerTimer = null;
      if (this.ua !== ua) return;
      this.refreshAccount();
      if (ua.isConnected()) ua.register();
    }, delay);
  }

  private onSession(event: RTCSessionEvent): void {
    const { session } = event;
    if (event.originator === 'local') {
      this.calls.adoptOutgoing(session, isHotDeskCode);
      return;
    }
    // Do not disturb answers a caller itself — but not the call this phone just asked to pick up.
    if (this.doNotDisturb && !this.isPickedCall(event) && refusedByDoNotDisturb((name) => event.request.getHeader(name))) {
      rejectBusy(session, this.log, DO_NOT_DISTURB_REASON);
      const remote = session.remote_identity;
      this.listener.missedWhileBusy(newCall(session.id, 'incoming', numberFromUser(remote?.uri?.user), remote?.display_name ?? ''));
      return;
    }
    const call = this.calls.adoptIncoming(session);
    if (call && this.calls.sessions.length === 1 && this.isPickedCall(event)) {
      this.pickupDialledAt = Number.NEGATIVE_INFINITY;
      call.answer(mediaConstraintsFor(this.audio.inputDeviceId));
    }
  }

  /** The call this phone asked to pick up: the PBX marks it for auto-answer, and this phone dialled a pickup just now. */
  private isPickedCall(event: RTCSessionEvent): boolean {
    if (this.now() - this.pickupDialledAt > PICKUP_WINDOW_MS) return false;
    const callInfo = event.request.getHeader('Call-Info') ?? '';
    return callInfo
      .split(';')
      .slice(1)
      .some((param) => param.trim().toLowerCase() === `${AUTO_ANSWER_PARAM}=0`);
  }

  /** Subscribes the BLF keys over the registered user agent, or drops them while there is none. */
  private syncBlf(): void {
    const live = this.ua !== null && this.account !== null && this.registration === 'registered' && this.ua.isConnected();
    this.blf.watch(live ? this.ua : null, live && this.account ? domainOf(this.account.uri) : '', this.monitored);
  }

  private applyDeferredAccount(): void {
    const deferred = this.deferredAccount;
    this.deferredAccount = undefined;
    if (deferred !== undefined) this.useAccount(deferred);
  }

  private signal(signal: UaSignal, refusal: string | null = null): void {
    const state = nextRegistration(this.registration, signal, this.ua?.isConnected() ?? false);
    this.setRegistration(state, state === 'refused' ? (refusal ?? this.refusal) : null);
  }

  private setRegistration(state: RegistrationState, refusal: string | null = null): void {
    if (state === this.registration && refusal === this.refusal) return;
    this.registration = state;
    this.refusal = refusal;
    this.listener.registrationChanged(state, refusal);
  }

  private clearRegisterTimer(): void {
    if (this.registerTimer !== null) clearTimeout(this.registerTimer);
    this.registerTimer = null;
  }

  private clearFetchTimer(): void {
    if (this.fetchTimer !== null) clearTimeout(this.fetchTimer);
    this.fetchTimer = null;
  }
}

export const CANNOT_TRANSFER = 'Cannot transfer the call right now';

function isHotDeskCode(intent: DialIntent): boolean {
  return intent.kind === 'hotdesk-login' || intent.kind === 'hotdesk-logout';
}

export function createSipPhone(options: SipPhoneOptions): PhoneService {
  return new SipPhone(options);
}
