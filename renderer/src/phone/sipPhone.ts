import { CHECK_SYNC_EVENT } from '../../../shared/sip/plugAndPlay';
import { AUTO_ANSWER_PARAM, PICKUP_WINDOW_MS } from '../../../shared/sip/directedPickup';
import JsSIP from 'jssip';
import type { RTCSession } from 'jssip/lib/RTCSession';
import type { RTCSessionEvent, UA, UAConfiguration } from 'jssip/lib/UA';
import type { Bridge, PhoneAccount } from '../../../shared/contracts';
import type { DialIntent } from '../../../shared/domain/dialString';
import { callTarget, domainOf, numberFromUser, sameAccount, uaSettings } from './account';
import { NO_SERVICE_CALL } from './callEnd';
import { CallSession, mediaConstraintsFor } from './callSession';
import type { CallView } from './callView';
import type { AudioDevices, PhoneListener, PhoneService } from './phoneService';
import { nextRegistration, registerRetryDelay, type RegistrationState, type UaSignal } from './registration';
import { BlfSubscriptions } from './blfSubscriptions';
import { RemoteAudio } from './remoteAudio';
import { TonePlayer } from './ringer';

export const NOT_REGISTERABLE = 'This phone has no SIP account — it cannot place calls';
export const ONE_CALL_AT_A_TIME = 'Hang up first — this phone takes one call at a time';

export interface SipPhoneOptions {
  readonly bridge: Pick<Bridge, 'invoke'>;
  /** Makes the user agent; tests and tools may pass their own. */
  readonly createUa?: (configuration: UAConfiguration) => UA;
  readonly tones?: CallSessionTones;
  readonly remoteAudio?: { attach(stream: MediaStream): void; detach(): void; setOutputDevice(deviceId: string | null): void };
  readonly random?: () => number;
  readonly now?: () => number;
  readonly log?: (message: string, detail?: unknown) => void;
}

type CallSessionTones = ConstructorParameters<typeof CallSession>[4]['tones'] & { setOutputDevice(deviceId: string | null): void };

const SILENT: PhoneListener = { registrationChanged: () => undefined, callChanged: () => undefined, callEnded: () => undefined, blfStateChanged: () => undefined };

function defaultUa(configuration: UAConfiguration): UA {
  return new JsSIP.UA(configuration);
}

/**
 * The real phone: one JsSIP user agent registered as the account the device host gives this page (`phone.account`),
 * re-created when that account changes (hot-desk login/logout, roaming) — deferred while a call is up. It reports the
 * registration lamp and the one call to the store, and carries out what the store asks (dial, answer, hold, DTMF...).
 */
export class SipPhone implements PhoneService {
  private listener: PhoneListener = SILENT;
  private running = false;
  private account: PhoneAccount | null = null;
  /** An account change that arrived during a call; applied when the call ends (undefined: none). */
  private deferredAccount: PhoneAccount | null | undefined = undefined;
  private ua: UA | null = null;
  private registration: RegistrationState = 'unregistered';
  private registerAttempt = 0;
  private registerTimer: ReturnType<typeof setTimeout> | null = null;
  private fetchGeneration = 0;
  private fetchAttempt = 0;
  private fetchTimer: ReturnType<typeof setTimeout> | null = null;
  private current: CallSession | null = null;
  /** The intent of the call being placed, read when JsSIP announces the new outgoing session. */
  private dialling: DialIntent | null = null;
  private audio: AudioDevices = { inputDeviceId: null, outputDeviceId: null };
  /** The extensions the BLF keys monitor; subscribed over the user agent while it is registered. */
  private monitored: readonly string[] = [];
  private readonly blf: BlfSubscriptions;
  /** When this phone last dialled a directed pickup: only then does it auto-answer the picked call. */
  private pickupDialledAt = Number.NEGATIVE_INFINITY;
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

  monitor(extensions: readonly string[]): void {
    this.monitored = [...extensions];
    this.syncBlf();
  }

  async dial(intent: DialIntent): Promise<void> {
    if (this.current) throw new Error(ONE_CALL_AT_A_TIME);
    const { ua, account } = this;
    if (!ua || !account) throw new Error(this.registration === 'unregistered' ? NOT_REGISTERABLE : NO_SERVICE_CALL);
    if (!ua.isConnected()) throw new Error(NO_SERVICE_CALL);
    if (intent.kind === 'pickup') this.pickupDialledAt = this.now();
    this.dialling = intent;
    try {
      ua.call(callTarget(intent.dialString, account.uri), {
        mediaConstraints: mediaConstraintsFor(this.audio.inputDeviceId),
        rtcOfferConstraints: { offerToReceiveAudio: true, offerToReceiveVideo: false },
      });
    } finally {
      this.dialling = null;
    }
  }

  async hangUp(): Promise<void> {
    this.current?.hangUp();
  }

  async answer(): Promise<void> {
    this.current?.answer(mediaConstraintsFor(this.audio.inputDeviceId));
  }

  async decline(): Promise<void> {
    this.current?.decline();
  }

  async setHold(held: boolean): Promise<void> {
    if (this.current && !this.current.setHold(held)) throw new Error(held ? 'Cannot hold the call right now' : 'Cannot resume the call right now');
  }

  setMute(muted: boolean): void {
    this.current?.setMute(muted);
  }

  sendDtmf(tone: string): void {
    this.current?.sendDtmf(tone);
  }

  private stop(): void {
    this.running = false;
    this.fetchGeneration += 1;
    this.clearFetchTimer();
    this.current?.hangUp();
    this.replaceUa(null);
    this.blf.watch(null, '', []);
    this.listener = SILENT;
  }

  private useAccount(account: PhoneAccount | null): void {
    const same = sameAccount(account, this.account);
    if (this.current) {
      // Never pull the line from under a call: switch identity once it ends. A hot-desk code's call (login IVR,
      // logout) has done its job once the identity changed: hang it up rather than wait for its goodbye prompt.
      this.deferredAccount = same ? undefined : account;
      if (!same && this.current.call.hotDesk) this.current.hangUp();
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
      this.signal('registration-failed');
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
      const intent = this.dialling;
      const number = intent?.dialString ?? numberFromUser(session.remote_identity?.uri?.user);
      this.adopt(new CallSession(session, 'outgoing', number, '', this.sessionDeps(), isHotDeskCode(intent)));
      return;
    }
    if (this.current) {
      // No call waiting yet: a second caller hears busy.
      rejectBusy(session, this.log);
      return;
    }
    const remote = session.remote_identity;
    const call = new CallSession(session, 'incoming', numberFromUser(remote?.uri?.user), remote?.display_name ?? '', this.sessionDeps());
    this.adopt(call);
    if (this.isPickedCall(event)) {
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

  private adopt(call: CallSession): void {
    this.current = call;
    this.listener.callChanged(call.call);
  }

  private sessionDeps(): ConstructorParameters<typeof CallSession>[4] {
    return {
      now: this.now,
      tones: this.tones,
      remoteAudio: this.remoteAudio,
      log: this.log,
      onChange: (call: CallView) => {
        if (this.current?.call.id === call.id) this.listener.callChanged(call);
      },
      onEnd: (notice) => {
        this.current = null;
        this.listener.callChanged(null);
        this.listener.callEnded(notice);
        const deferred = this.deferredAccount;
        this.deferredAccount = undefined;
        if (deferred !== undefined) this.useAccount(deferred);
      },
    };
  }

  private signal(signal: UaSignal): void {
    this.setRegistration(nextRegistration(this.registration, signal, this.ua?.isConnected() ?? false));
  }

  private setRegistration(state: RegistrationState): void {
    if (state === this.registration) return;
    this.registration = state;
    this.listener.registrationChanged(state);
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

function isHotDeskCode(intent: DialIntent | null): boolean {
  return intent?.kind === 'hotdesk-login' || intent?.kind === 'hotdesk-logout';
}

function rejectBusy(session: RTCSession, log: (message: string, detail?: unknown) => void): void {
  try {
    session.terminate({ status_code: 486, reason_phrase: 'Busy Here' });
  } catch (error) {
    log('cannot reject a second call', error);
  }
}

export function createSipPhone(options: SipPhoneOptions): PhoneService {
  return new SipPhone(options);
}
