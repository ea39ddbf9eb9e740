import type { Bridge, BridgeEvent, DeviceView, RequestName, Settings } from '../../../shared/contracts';
import { DEFAULT_AUTO_LOGOUT, DEFAULT_SETTINGS, EMPTY_CALL_HISTORY, type CallHistoryChange, type IdentityHistory } from '../../../shared/contracts';
import { applyHistoryChange } from '../../../shared/domain/callHistoryRules';
import { identityKey } from '../../../shared/domain/identityKey';
import type { BridgeConnection, ConnectionState } from '../../../renderer/src/bridge/connection';
import type { WebSocketLike } from '../../../renderer/src/bridge/webSocketBridge';
import type { CallView } from '../../../renderer/src/phone/callView';
import type { CallNotice } from '../../../renderer/src/phone/callEnd';
import type { AudioDevices, PhoneListener, PhoneService, SoundSettings } from '../../../renderer/src/phone/phoneService';
import type { DialIntent } from '../../../shared/domain/dialString';

export const OPTIONS: DeviceView['options'] = {
  location: 'HQ, Building 1, Floor 2, Desk 14',
  timeZone: 'Europe/Berlin',
  timeFormat: '24h',
  keysPerPage: 4,
  emergencyNumbers: ['911', '112', '999'],
};

const NO_SESSION = { session: null, autoLogout: DEFAULT_AUTO_LOGOUT };
export const POOL_VIEW: DeviceView = { mac: '02:00:00:00:00:01', identity: { kind: 'pool', name: 'HD0001' }, options: OPTIONS, blf: [], provisioning: null, ...NO_SESSION };
export const ALICE_VIEW: DeviceView = {
  mac: '02:00:00:00:00:01',
  identity: { kind: 'user', extension: '100', name: 'Alice Andrews' },
  options: OPTIONS,
  blf: [],
  provisioning: null,
  session: { since: '2026-03-10T08:00:00.000Z' },
  autoLogout: DEFAULT_AUTO_LOGOUT,
};
export const UNPROVISIONED_VIEW: DeviceView = { mac: '02:00:00:00:00:09', identity: null, options: OPTIONS, blf: [], provisioning: null, ...NO_SESSION };
export const APP_INFO = { version: '0.1.0', host: 'web', mode: 'demo' } as const;

/** A socket the test drives by hand: it records what the bridge sends and lets the test open, answer and close it. */
export class FakeSocket implements WebSocketLike {
  static created: FakeSocket[] = [];
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  readonly sent: string[] = [];
  closedByClient = false;

  constructor(readonly url: string) {
    FakeSocket.created.push(this);
  }

  static latest(): FakeSocket {
    const socket = FakeSocket.created.at(-1);
    if (!socket) throw new Error('no socket was created');
    return socket;
  }

  send(data: string): void {
    if (this.readyState !== 1) throw new Error('send on a socket that is not open');
    this.sent.push(data);
  }

  close(): void {
    this.closedByClient = true;
    this.readyState = 3;
  }

  open(): void {
    this.readyState = 1;
    this.onopen?.({} as Event);
  }

  /** The requests sent so far, parsed. */
  requests(): Array<{ type: string; id: number; name: string; args: unknown[] }> {
    return this.sent.map((frame) => JSON.parse(frame));
  }

  receive(message: unknown): void {
    this.onmessage?.({ data: typeof message === 'string' ? message : JSON.stringify(message) } as MessageEvent);
  }

  reply(id: number, result: unknown): void {
    this.receive({ type: 'result', id, ok: true, result });
  }

  fail(code = 1006): void {
    this.onerror?.({} as Event);
    this.readyState = 3;
    this.onclose?.({ code, reason: '' } as CloseEvent);
  }
}

type Handler = (...args: unknown[]) => unknown;

/** An in-memory Bridge: answers from handlers, records calls, and lets the test push events. */
export class FakeBridge implements Bridge {
  readonly calls: Array<{ name: RequestName; args: unknown[] }> = [];
  readonly listeners = new Set<(event: BridgeEvent) => void>();
  handlers: Partial<Record<RequestName, Handler>>;

  /** What the fake host keeps for the identity of its device view, by the real rules (wiped when it changes). */
  history: IdentityHistory = { identity: null, history: EMPTY_CALL_HISTORY };

  constructor(view: DeviceView = POOL_VIEW, settings: Settings = DEFAULT_SETTINGS) {
    this.handlers = {
      'app.info': () => APP_INFO,
      'device.view': () => view,
      'settings.get': () => settings,
      'settings.update': (patch) => ({ ...settings, ...(patch as object) }),
      'history.get': () => this.currentHistory(),
      'history.change': (about, change) => {
        const current = this.currentHistory();
        if (current.identity !== null && about === current.identity) this.history = { ...current, history: applyHistoryChange(current.history, change as CallHistoryChange) };
        return this.history;
      },
    };
  }

  private currentHistory(): IdentityHistory {
    const identity = identityKey((this.handlers['device.view']?.() as DeviceView).identity);
    if (identity !== this.history.identity) this.history = { identity, history: EMPTY_CALL_HISTORY };
    return this.history;
  }

  invoke(name: RequestName, ...args: unknown[]): Promise<never> {
    this.calls.push({ name, args });
    const handler = this.handlers[name];
    if (!handler) return Promise.reject(new Error(`no handler for ${name}`));
    return Promise.resolve().then(() => handler(...args) as never);
  }

  onEvent(listener: (event: BridgeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  push(event: BridgeEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

export class FakeConnection implements BridgeConnection {
  connectionState: ConnectionState = 'open';
  readonly listeners = new Set<(state: ConnectionState) => void>();

  onConnectionChange(listener: (state: ConnectionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  set(state: ConnectionState): void {
    this.connectionState = state;
    for (const listener of this.listeners) listener(state);
  }
}

/** A phone the test drives by hand: records what the store asked, and reports SIP events through `listener`. */
export class FakePhone implements PhoneService {
  readonly dialled: DialIntent[] = [];
  readonly actions: string[] = [];
  readonly dtmf: string[] = [];
  hangUps = 0;
  accountRefreshes = 0;
  audio: AudioDevices | null = null;
  failWith: string | null = null;
  listener: PhoneListener | null = null;

  start(listener: PhoneListener): () => void {
    this.listener = listener;
    return () => {
      this.listener = null;
    };
  }

  refreshAccount(): void {
    this.accountRefreshes += 1;
  }

  setAudioDevices(audio: AudioDevices): void {
    this.audio = audio;
  }

  sound: SoundSettings | null = null;
  setSound(sound: SoundSettings): void {
    this.sound = sound;
  }

  dial(intent: DialIntent): Promise<void> {
    this.dialled.push(intent);
    return this.failWith ? Promise.reject(new Error(this.failWith)) : Promise.resolve();
  }

  hangUp(): Promise<void> {
    this.hangUps += 1;
    return Promise.resolve();
  }

  answer(): Promise<void> {
    this.actions.push('answer');
    return Promise.resolve();
  }

  decline(): Promise<void> {
    this.actions.push('decline');
    return Promise.resolve();
  }

  setHold(held: boolean): Promise<void> {
    this.actions.push(held ? 'hold' : 'resume');
    return this.failWith ? Promise.reject(new Error(this.failWith)) : Promise.resolve();
  }

  setMute(muted: boolean): void {
    this.actions.push(muted ? 'mute' : 'unmute');
  }

  sendDtmf(tone: string): void {
    this.dtmf.push(tone);
  }

  /** Every list of extensions the store asked the phone to watch, in order. */
  readonly monitored: Array<readonly string[]> = [];

  monitor(extensions: readonly string[]): void {
    this.monitored.push(extensions);
  }

  doNotDisturb = false;

  setDoNotDisturb(on: boolean): void {
    this.doNotDisturb = on;
  }

  /** The last call reported, for `end`. */
  private lastCall: CallView | null = null;

  /** Reports a call the way the SIP phone does (null: no call any more). */
  report(call: CallView | null): void {
    if (call) this.lastCall = call;
    this.listener?.callsChanged(call ? [call] : []);
  }

  /** Reports the end of the last reported call the way the SIP phone does: gone from the calls, then the notice. */
  end(notice: CallNotice | null): void {
    const call = this.lastCall;
    if (!call) throw new Error('no call was reported');
    this.listener?.callsChanged([]);
    this.listener?.callEnded(call, notice);
  }

  readonly transfers: Array<{ kind: 'blind' | 'consult'; intent: DialIntent }> = [];

  swapTo(callId: string): Promise<void> {
    this.actions.push(`swap ${callId}`);
    return Promise.resolve();
  }

  transfer(intent: DialIntent): Promise<void> {
    this.transfers.push({ kind: 'blind', intent });
    return Promise.resolve();
  }

  consult(intent: DialIntent): Promise<void> {
    this.transfers.push({ kind: 'consult', intent });
    return Promise.resolve();
  }

  completeTransfer(): Promise<void> {
    this.actions.push('complete transfer');
    return Promise.resolve();
  }

  cancelTransfer(): Promise<void> {
    this.actions.push('cancel transfer');
    return Promise.resolve();
  }

  callWaiting: boolean | null = null;

  setCallWaiting(on: boolean): void {
    this.callWaiting = on;
  }
}

/** Lets queued promise callbacks run. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
}
