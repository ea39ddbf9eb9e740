import { vi } from 'vitest';
import { SipPhone } from '../../../../renderer/src/phone/sipPhone';
import { flush } from '../fakes';
import type { BlfState } from '../../../../shared/domain/blfLayout';
import type { RTCSession } from 'jssip/lib/RTCSession';
import type { UA, UAConfiguration } from 'jssip/lib/UA';
import type { PhoneAccount } from '../../../../shared/contracts';
import type { CallNotice } from '../../../../renderer/src/phone/callEnd';
import { focusedCall } from '../../../../renderer/src/phone/callLines';
import type { CallView } from '../../../../renderer/src/phone/callView';
import type { PhoneListener, SoundSettings } from '../../../../renderer/src/phone/phoneService';
import type { RegistrationState } from '../../../../renderer/src/phone/registration';
import type { Cadence } from '../../../../renderer/src/phone/tones';

type Listener = (...args: unknown[]) => void;

class Emitter {
  private readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
}

let sessionIds = 0;

/** The parts of a JsSIP RTCSession the phone uses; the test emits its events. */
export class FakeSession extends Emitter {
  readonly id = `session-${++sessionIds}`;
  readonly terminated: Array<{ status_code?: number; reason_phrase?: string }> = [];
  readonly answered: unknown[] = [];
  readonly dtmf: Array<{ tone: string; transportType: unknown }> = [];
  held = false;
  muted = false;
  connection: RTCPeerConnection | undefined = undefined;

  readonly refers: Array<{ target: string; options: { eventHandlers?: Record<string, (event: unknown) => void>; replaces?: unknown } }> = [];

  constructor(readonly remote_identity: { uri: { user: string; toString?: () => string }; display_name: string }) {
    super();
  }

  refer(target: string, options: FakeSession['refers'][number]['options']): void {
    this.refers.push({ target, options });
  }

  /** The far end's NOTIFY for the last REFER, with a sipfrag status line (`'trying'`, `'progress'`, …). */
  notifyRefer(event: string, statusCode: number, reasonPhrase: string): void {
    this.refers.at(-1)?.options.eventHandlers?.[event]?.({ status_line: { status_code: statusCode, reason_phrase: reasonPhrase } });
  }

  terminate(options: { status_code?: number; reason_phrase?: string } = {}): void {
    this.terminated.push(options);
  }

  answer(options: unknown): void {
    this.answered.push(options);
  }

  hold(): boolean {
    this.held = true;
    return true;
  }

  unhold(): boolean {
    this.held = false;
    return true;
  }

  mute(): void {
    this.muted = true;
  }

  unmute(): void {
    this.muted = false;
  }

  sendDTMF(tone: string, options: { transportType?: unknown }): void {
    this.dtmf.push({ tone, transportType: options.transportType });
  }

  asSession(): RTCSession {
    return this as unknown as RTCSession;
  }
}

/** The parts of a JsSIP UA the phone uses; the test plays the server. */
export class FakeUa extends Emitter {
  static created: FakeUa[] = [];
  started = false;
  stopped = false;
  connected = false;
  registers = 0;
  readonly calls: Array<{ target: string; options: Record<string, unknown> }> = [];
  /** What `call()` announces as the new outgoing session. */
  nextOutgoing: FakeSession | null = null;

  constructor(readonly configuration: UAConfiguration) {
    super();
    FakeUa.created.push(this);
  }

  static latest(): FakeUa {
    const ua = FakeUa.created.at(-1);
    if (!ua) throw new Error('no UA was created');
    return ua;
  }

  start(): void {
    this.started = true;
  }

  stop(): void {
    this.stopped = true;
    this.connected = false;
  }

  isConnected(): boolean {
    return this.connected;
  }

  register(): void {
    this.registers += 1;
  }

  call(target: string, options: Record<string, unknown>): FakeSession {
    this.calls.push({ target, options });
    const session = this.nextOutgoing ?? new FakeSession({ uri: { user: target.replace(/^sip:|@.*$/g, '') }, display_name: '' });
    this.nextOutgoing = null;
    this.emit('newRTCSession', { originator: 'local', session, request: {} });
    return session;
  }

  /** Socket up and REGISTER answered 200. */
  comeOnline(): void {
    this.connected = true;
    this.emit('connected', {});
    this.emit('registered', {});
  }

  ring(from: string, name = '', headers: Record<string, string> = {}): FakeSession {
    const session = new FakeSession({ uri: { user: from }, display_name: name });
    this.emit('newRTCSession', { originator: 'remote', session, request: { getHeader: (header: string) => headers[header] } });
    return session;
  }

  asUa(): UA {
    return this as unknown as UA;
  }
}

export function createFakeUa(configuration: UAConfiguration): UA {
  return new FakeUa(configuration).asUa();
}

/** Records what the phone reports to the store. */
export class RecordingListener implements PhoneListener {
  readonly registrations: RegistrationState[] = [];
  /** Every report of the calls, in order. */
  readonly reports: Array<readonly CallView[]> = [];
  /** The focused call of each report (null: none), as the display sees it. */
  readonly calls: Array<CallView | null> = [];
  readonly ends: Array<CallNotice | null> = [];
  readonly ended: CallView[] = [];
  readonly missedBusy: CallView[] = [];

  readonly problems: Array<string | null> = [];

  registrationChanged(state: RegistrationState, problem: string | null = null): void {
    this.registrations.push(state);
    this.problems.push(problem);
  }

  callsChanged(calls: readonly CallView[]): void {
    this.reports.push(calls);
    this.calls.push(focusedCall(calls));
  }

  callEnded(call: CallView, notice: CallNotice | null): void {
    this.ended.push(call);
    this.ends.push(notice);
  }

  missedWhileBusy(call: CallView): void {
    this.missedBusy.push(call);
  }

  /** The latest report of all calls. */
  get all(): readonly CallView[] {
    return this.reports.at(-1) ?? [];
  }

  readonly blfStates: Array<[string, BlfState]> = [];
  blfStateChanged(extension: string, state: BlfState): void {
    this.blfStates.push([extension, state]);
  }

  get registration(): RegistrationState | undefined {
    return this.registrations.at(-1);
  }

  get call(): CallView | null | undefined {
    return this.calls.at(-1);
  }
}

export class FakeTones {
  readonly played: Cadence[] = [];
  stops = 0;
  playing: Cadence | null = null;
  output: string | null = null;

  play(cadence: Cadence): void {
    this.played.push(cadence);
    this.playing = cadence;
  }

  stop(): void {
    this.stops += 1;
    this.playing = null;
  }

  setOutputDevice(deviceId: string | null): void {
    this.output = deviceId;
  }

  sound: SoundSettings | null = null;
  setSound(sound: SoundSettings): void {
    this.sound = sound;
  }
}

export class FakeRemoteAudio {
  readonly attached: MediaStream[] = [];
  detaches = 0;
  output: string | null = null;

  attach(stream: MediaStream): void {
    this.attached.push(stream);
  }

  detach(): void {
    this.detaches += 1;
  }

  setOutputDevice(deviceId: string | null): void {
    this.output = deviceId;
  }

  volume = 1;
  setVolume(volume: number): void {
    this.volume = volume;
  }
}

export const BOB: PhoneAccount = {
  webSocketUrl: 'ws://127.0.0.1:5170/sip',
  uri: 'sip:101@hotdesk.local',
  authUser: '101',
  displayName: 'Bob Brown',
  credentials: { kind: 'ha1', ha1: '0123456789abcdef0123456789abcdef', realm: 'hotdesk.local' },
};

export const HD0001: PhoneAccount = {
  ...BOB,
  uri: 'sip:HD0001@hotdesk.local',
  authUser: 'HD0001',
  displayName: 'HD0001',
};

/** A SIP phone on fakes, started with a recording listener; the bridge answers with `initial`. */
export function setup(initial: PhoneAccount | null | Error = BOB) {
  let account: PhoneAccount | null | Error = initial;
  const invoke = vi.fn(async () => {
    if (account instanceof Error) throw account;
    return account;
  });
  const tones = new FakeTones();
  const remoteAudio = new FakeRemoteAudio();
  let now = 1_000;
  const phone = new SipPhone({
    bridge: { invoke: invoke as never },
    createUa: createFakeUa,
    tones,
    remoteAudio,
    random: () => 0.5,
    now: () => now,
    log: () => undefined,
  });
  const listener = new RecordingListener();
  const stop = phone.start(listener);
  return {
    phone,
    listener,
    tones,
    remoteAudio,
    invoke,
    stop,
    setAccount: (next: PhoneAccount | null | Error) => {
      account = next;
    },
    advance: (ms: number) => {
      now += ms;
    },
  };
}

/** A phone whose user agent has come online, registered as `initial`. */
export async function registered(initial: PhoneAccount = BOB) {
  const context = setup(initial);
  context.phone.refreshAccount();
  await flush();
  const ua = FakeUa.latest();
  ua.comeOnline();
  return { ...context, ua };
}
