import type { StateCreator } from 'zustand/vanilla';
import type { AdminAuth, AppInfo, AutoLogout, Bridge, CallRecord, DirectoryEntry, IdentityHistory, DeviceIdentity, DeviceOptions, DeviceSession, DeviceView, Settings, SettingsPatch } from '../../../shared/contracts';
import type { AutoLogoutKind } from '../../../shared/domain/autoLogout';
import type { LogoutReason } from '../../../shared/sip/provisioningLogout';
import type { BlfKey, BlfPosition, BlfState } from '../../../shared/domain/blfLayout';
import type { BridgeConnection, ConnectionState } from '../bridge/connection';
import type { CallNotice } from '../phone/callEnd';
import type { CallView } from '../phone/callView';
import type { PhoneService } from '../phone/phoneService';
import type { RegistrationState } from '../phone/registration';

export type { CallView, CallPhase } from '../phone/callView';
export type { CallRecord } from '../../../shared/contracts';
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
  /** The device logged out while the PBX was unreachable: it shows its idle identity and finishes the logout later. */
  logoutPending: boolean;
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
  /** While the registration is `refused`: why, with the status ("Registration failed — check the SIP user…"). */
  registrationProblem: string | null;
  /** A new identity; a different one wipes the previous user's traces (and says so when a user is gone). */
  setIdentity(identity: DeviceIdentity | null, session?: DeviceSession | null): void;
  setRegistration(state: RegistrationState, problem?: string | null): void;
  /** Logs the hot-desk user out through the device host; where it has no logout, dials the logout code. */
  logout(reason?: LogoutReason): Promise<void>;
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
  /** Every call of the phone, in the order they began (see `phone/callLines.ts`); empty on hook. */
  calls: CallView[];
  /** The call the user is on (the display and Hold, Mute, Hang up are about it); null when on hook. */
  call: CallView | null;
  /** Replaces the number with what the user typed or pasted, keeping only dialable characters. */
  setNumber(text: string): void;
  appendToNumber(text: string): void;
  deleteLastDigit(): void;
  /** Escape: empties the number and dismisses the caption; on an empty transfer target, leaves the transfer entry. */
  clearNumber(): void;
  showCaption(text: string, tone?: CaptionTone): void;
  /** A dialpad or keyboard key: DTMF during an established call, otherwise into the Number box. */
  pressKey(key: string): void;
  /** The Call key: answers a ringing call, transfers to a typed target, otherwise dials what is in the Number box (the
   * Redial number when it is empty). */
  placeCall(): Promise<void>;
  /** Classifies a dial string, applies the dial policy, and hands an allowed intent to the phone. */
  dial(dialString: string): Promise<void>;
  /** Dials the device's first emergency number, holding the call there is (README, "Emergency calls"). */
  callEmergency(): Promise<void>;
  hangUp(): Promise<void>;
  answer(): Promise<void>;
  decline(): Promise<void>;
  /** Hold ↔ Resume. */
  toggleHold(): Promise<void>;
  /** Mute ↔ Unmute. */
  toggleMute(): void;
  /** From the phone: the calls changed. */
  callsChanged(calls: readonly CallView[]): void;
  /** From the phone: a call is over; records it, and shows why when it was the last one and there is something to say. */
  callEnded(call: CallView, notice: CallNotice | null): void;
  /**
   * From the phone: a caller got busy because this phone was (call waiting off, or no line free). The hook for a
   * missed call that never rang here: it goes into the recent calls as missed.
   */
  missedWhileBusy(call: CallView): void;
}

/** Transfer, call waiting and swapping: what the user does with a second call (rules in `phone/callLines.ts`). */
export interface CallLinesSlice {
  /** Transfer was pressed: the Number box takes the target, keys type into it instead of sending tones. */
  transferring: boolean;
  startTransfer(): void;
  /** Leaves the target entry, or ends the consultation call and returns to the held call. */
  cancelTransfer(): Promise<void>;
  /** Blind transfer to the number in the Number box. */
  transferNow(): Promise<void>;
  /** Attended transfer: holds the call and calls the number in the Number box first. */
  callTransferTarget(): Promise<void>;
  /** Joins the held call and the consultation call. */
  completeTransfer(): Promise<void>;
  /** Holds the call the user is on and resumes this one. */
  swapTo(callId: string): Promise<void>;
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

/** What the phone remembers about the user's calls; the device host keeps it for the current identity only. */
export interface HistorySlice {
  /** Newest first, at most MAX_RECENT_CALLS. */
  recentCalls: CallRecord[];
  /** What Redial dials; null when nothing was dialled yet. */
  redialNumber: string | null;
  /** Missed calls since the user last opened the recent calls. */
  missedUnseen: number;
  /** Incoming calls are refused (486) and listed as missed; emergency callbacks still ring. */
  doNotDisturb: boolean;
  /** Reads the current identity's history from the device host. */
  loadHistory(): Promise<void>;
  /** The host's `history.changed`: another page changed it, or the host wiped it. */
  historyChanged(history: IdentityHistory): void;
  recordCall(call: CallView, notice: CallNotice | null): void;
  rememberDialled(dialString: string): void;
  /** The user opened the recent calls: the missed-call count goes. */
  missedCallsSeen(): void;
  toggleDoNotDisturb(): void;
  redial(): Promise<void>;
  /** Calls the number of a recent call. */
  callBack(record: CallRecord): Promise<void>;
  clearHistory(): void;
}

export interface DirectorySlice {
  /** The device's phone system offers its identity a directory (hidden otherwise). */
  directoryAvailable: boolean;
  directoryQuery: string;
  /** The entries matching the query; null before a search. */
  directoryResults: DirectoryEntry[] | null;
  directoryError: string | null;
  /** Searches as the user types; only the answer to the latest query shows. */
  searchDirectory(query: string): Promise<void>;
  callFromDirectory(entry: DirectoryEntry): Promise<void>;
  setDirectoryAvailable(available: boolean): void;
}

export interface AutoLogoutWarning {
  readonly kind: AutoLogoutKind;
  /** Epoch ms the logout happens. */
  readonly at: number;
  /** "Stay logged in" applies (idle only). */
  readonly canStay: boolean;
}

export interface AutoLogoutSlice {
  /** The device's timers (device Options). */
  autoLogoutTimers: AutoLogout;
  /** Epoch ms the logged-in user's session began; null while nobody is logged in. */
  sessionSince: number | null;
  lastActivity: number;
  lastCallEnd: number | null;
  /** The banner before an auto-logout; null when none is coming within the minute. */
  autoLogoutWarning: AutoLogoutWarning | null;
  /** A key press or tap: the idle timer starts over. */
  noteActivity(): void;
  /** The banner's button: idleness only. */
  stayLoggedIn(): void;
  /** Re-reads the timers against the clock: shows or hides the banner, sets the next timer, logs out when due. */
  reviewAutoLogout(): void;
}

export interface SettingsSlice {
  settings: Settings | null;
  /** The settings screen is on show (over the phone screen). */
  settingsOpen: boolean;
  applySettings(settings: Settings): void;
  /** Saves a patch; rejects with the host's BridgeError (a refused value, a wrong admin PIN) for the screen to show. */
  updateSettings(patch: SettingsPatch, auth?: AdminAuth): Promise<void>;
  /** Checks the admin PIN (kiosk mode asks for it before the settings open); rejects when it is wrong or locked. */
  unlockSettings(adminPin: string): Promise<void>;
  openSettings(): void;
  closeSettings(): void;
}

export type AppState = DeviceSlice & SessionSlice & CallsSlice & CallLinesSlice & BlfSlice & SettingsSlice & HistorySlice & DirectorySlice & AutoLogoutSlice;

/** A slice creator over the whole store, given the services its actions may use. */
export type SliceCreator<Slice> = (services: Services) => StateCreator<AppState, [], [], Slice>;
