import type { StateCreator } from 'zustand/vanilla';
import type { AppInfo, Bridge, DeviceIdentity, DeviceOptions, DeviceView, Settings, SettingsPatch } from '../../../shared/contracts';
import type { BlfKey, BlfPosition, BlfState } from '../../../shared/domain/blfLayout';
import type { BridgeConnection, ConnectionState } from '../bridge/connection';
import type { CallNotice } from '../phone/callEnd';
import type { CallView } from '../phone/callView';
import type { PhoneService } from '../phone/phoneService';
import type { RegistrationState } from '../phone/registration';

export type { CallView, CallPhase } from '../phone/callView';
export type { RegistrationState } from '../phone/registration';

/** Everything the store's actions may talk to. Components never see these; they call actions. */
export interface Services {
  readonly bridge: Bridge;
  readonly phone: PhoneService;
  /** Present only where the bridge can drop its connection (the web host). */
  readonly connection?: BridgeConnection | null;
}

export type DeviceStatus = 'starting' | 'ready' | 'failed';

export interface DeviceSlice {
  appInfo: AppInfo | null;
  /** `starting` until the first device view arrives; `failed` when it could not be read (see deviceError). */
  deviceStatus: DeviceStatus;
  deviceError: string | null;
  mac: string | null;
  deviceOptions: DeviceOptions | null;
  /** The last provisioning problem (failed fetch, no PnP server), shown while the last good document stays in use. */
  provisioningError: string | null;
  connection: ConnectionState;
  /** Subscribes to the host's events and connection, then loads; returns the matching unsubscribe. */
  start(): () => void;
  /** Reads app info, device view and settings from the host. Never rejects: a failure shows on the display. */
  load(): Promise<void>;
  applyDeviceView(view: DeviceView): void;
  connectionChanged(state: ConnectionState): void;
}

export interface SessionSlice {
  /** Who the device is: idle pool name, logged-in user, plain account; null while unprovisioned or unknown. */
  identity: DeviceIdentity | null;
  registration: RegistrationState;
  setIdentity(identity: DeviceIdentity | null): void;
  setRegistration(state: RegistrationState): void;
  logout(): Promise<void>;
}

export type CaptionTone = 'info' | 'warning' | 'error';
export interface Caption {
  readonly text: string;
  readonly tone: CaptionTone;
}

export interface CallsSlice {
  /** What is in the Number box: only dialable characters. */
  number: string;
  /** A transient message for the display's caption line; null shows the state's default caption. */
  caption: Caption | null;
  /** The one call (no call waiting yet); null when on hook. */
  call: CallView | null;
  /** Replaces the number with what the user typed or pasted, keeping only dialable characters. */
  setNumber(text: string): void;
  appendToNumber(text: string): void;
  deleteLastDigit(): void;
  /** Escape: empties the number and dismisses the caption. */
  clearNumber(): void;
  showCaption(text: string, tone?: CaptionTone): void;
  /** A dialpad or keyboard key: DTMF during an established call, otherwise into the Number box. */
  pressKey(key: string): void;
  /** The Call key: answers a ringing call, otherwise dials what is in the Number box. */
  placeCall(): Promise<void>;
  /** Classifies a dial string, applies the dial policy, and hands an allowed intent to the phone. */
  dial(dialString: string): Promise<void>;
  hangUp(): Promise<void>;
  answer(): Promise<void>;
  decline(): Promise<void>;
  /** Hold ↔ Resume. */
  toggleHold(): Promise<void>;
  /** Mute ↔ Unmute. */
  toggleMute(): void;
  /** From the phone: the call changed. */
  callChanged(call: CallView | null): void;
  /** From the phone: the call is over; shows why, when there is something to say. */
  callEnded(notice: CallNotice | null): void;
}

export interface BlfSlice {
  /** The logged-in user's BLF positions (from provisioning; empty until then). */
  blfPositions: BlfPosition[];
  /** Monitored extension → lamp state. */
  blfStates: Record<string, BlfState>;
  blfPage: number;
  setBlfPositions(positions: BlfPosition[]): void;
  setBlfState(extension: string, state: BlfState): void;
  showBlfPage(page: number): void;
  pressBlfKey(key: BlfKey): Promise<void>;
}

export interface SettingsSlice {
  settings: Settings | null;
  applySettings(settings: Settings): void;
  updateSettings(patch: SettingsPatch): Promise<void>;
}

export type AppState = DeviceSlice & SessionSlice & CallsSlice & BlfSlice & SettingsSlice;

/** A slice creator over the whole store, given the services its actions may use. */
export type SliceCreator<Slice> = (services: Services) => StateCreator<AppState, [], [], Slice>;
