import {
  BridgeError,
  eventSchemas,
  requestSchemas,
  validateRequest,
  type AdminAuth,
  type AppInfo,
  type BridgeEvent,
  type CallHistoryChange,
  type DirectoryEntry,
  type DirectoryResult,
  type IdentityHistory,
  type DeviceView,
  type EventName,
  type EventPayload,
  type Mode,
  type LogoutResult,
  type RequestName,
  type Settings,
  type SettingsPatch,
} from '../../../shared/contracts';
import { identityKey } from '../../../shared/domain/identityKey';
import { parseMac, type Mac } from '../../../shared/domain/mac';
import { macDeviceId } from '../../../shared/sip/plugAndPlay';
import { ListenerSet } from '../../../shared/util/listenerSet';
import type { LogoutReason } from '../../../shared/sip/provisioningLogout';
import type { SettingsStore } from '../settings/settingsStore';
import type { DeviceSettings } from '../settings/storedSettings';
import type { AdminPin } from '../security/adminPin';
import { resolveDeviceMac } from '../identity/deviceMac';
import type { ProvisioningClient } from '../provisioning';
import { searchDirectory, type DirectoryTarget } from '../directory/directoryClient';
import type { CallHistoryStore } from '../history/callHistoryStore';
import { describeDevice, directoryTargetFor, isProvisioned, phoneAccountFor, type DeviceDirectory, type DeviceSubject } from './deviceView';
import { provisioningStatusFromState } from '../provisioning/documentView';
import { needsAdminPin, settingsUpdateRefusal, type PageDevice } from './settingsAccess';

export interface BridgeHubContext {
  settings: SettingsStore;
  directory: DeviceDirectory;
  machineMac: Mac | null;
  /** The mode the host was started in (a mode saved since then applies from the next start). */
  runningMode: Mode;
  adminPin: Pick<AdminPin, 'verify' | 'change'>;
  appInfo(): AppInfo;
  /** One provisioning client per device MAC in use (ProvisioningClients); null where the host does none. */
  provisioning: DeviceProvisioning | null;
  /** Each device's recent calls, Redial, missed count and Do not disturb; none: the history stays in the page. */
  history?: CallHistoryStore | null;
  /** The embedded PBX's directory, for demo `?account=` pages; null where there is none. */
  ownDirectoryUrl?: () => string | null;
  /** Searches a directory (tests may pass their own); the Digest client by default. */
  searchDirectory?: (target: DirectoryTarget, query: string) => Promise<DirectoryEntry[]>;
}

export interface DeviceProvisioning {
  acquire(mac: Mac): { client: Pick<ProvisioningClient, 'state' | 'resync' | 'logout'>; release(): void };
}

/** One renderer's connection to the device host: an Electron window, or one browser page of the web host. */
export interface BridgeSession {
  /** Validates the name and arguments, runs the handler; rejects with a BridgeError on bad input. */
  invoke(name: unknown, args: unknown): Promise<unknown>;
  onEvent(listener: (event: BridgeEvent) => void): () => void;
  close(): void;
}

export interface SessionOptions {
  /** A page's `?mac=` (web host only); validated when the device is described, so the page can show the error. */
  macOverride?: string | null;
  /** A page's `?account=` (web host, demo mode only): a plain softphone registered as that extension. */
  accountOverride?: string | null;
  /** Where this renderer reaches the PBX's SIP WebSocket (it depends on the address the page was loaded from). */
  sipWebSocketUrl: string;
  /**
   * A page loaded from another machine (web host started with --allow-remote-devices). It must name its device with
   * `?mac=`, and gets no SIP credentials: those come to an enrolled device through its provisioning document.
   */
  remote?: boolean;
}

/** The bridge handlers, shared by Electron IPC and the web host's WebSocket: one implementation, two transports. */
export class BridgeHub {
  private readonly sessions = new Set<Session>();
  private readonly unsubscribeSettings: () => void;

  constructor(private readonly context: BridgeHubContext) {
    this.unsubscribeSettings = context.settings.onChange((settings) => {
      for (const session of this.sessions) {
        session.emit('settings.changed', settings);
        session.emitDeviceView();
      }
    });
  }

  openSession(options: SessionOptions): BridgeSession {
    const session = new Session(this.context, options, {
      closed: (closed) => this.sessions.delete(closed),
      historyChanged: (from, device, history) => {
        for (const other of this.sessions) if (other !== from && other.historyDevice() === device) other.emit('history.changed', history);
      },
    });
    this.sessions.add(session);
    return session;
  }

  /** Tells every page to redraw its device (after the PBX changed a device, say). */
  deviceChanged(): void {
    for (const session of this.sessions) session.emitDeviceView();
  }

  /** A device's provisioning changed (new document, error, pending): redraw that device's pages. */
  provisioningChanged(mac: Mac): void {
    for (const session of this.sessions) if (session.heldMac === mac) session.emitDeviceView();
  }

  /** The PBX WebSockets named by the provisioning documents of the pages now open (for their CSP). */
  provisionedWebSocketUrls(): string[] {
    return [...this.sessions].flatMap((session) => session.provisionedWebSocketUrls());
  }

  close(): void {
    this.unsubscribeSettings();
    for (const session of [...this.sessions]) session.close();
  }
}

class Session implements BridgeSession {
  private readonly listeners = new ListenerSet<BridgeEvent>((error) => console.error('bridge event listener failed:', error));
  private held: ({ mac: Mac } & ReturnType<DeviceProvisioning['acquire']>) | null = null;

  constructor(
    private readonly context: BridgeHubContext,
    private readonly options: SessionOptions,
    private readonly hub: {
      closed(session: Session): void;
      /** Tells the other pages of the same device. */
      historyChanged(from: Session, device: string, history: IdentityHistory): void;
    },
  ) {}

  async invoke(name: unknown, args: unknown): Promise<unknown> {
    const request = validateRequest(name, args);
    const result = await this.handle(request.name, request.args as unknown[]);
    const checked = requestSchemas[request.name].result.safeParse(result);
    if (!checked.success) throw new BridgeError('internal', `${request.name} produced an invalid result`);
    return checked.data;
  }

  private handle(name: RequestName, args: unknown[]): unknown | Promise<unknown> {
    switch (name) {
      case 'app.info':
        return this.context.appInfo();
      case 'device.view':
        return this.deviceView();
      case 'device.logout':
        return this.logout(args[0] as LogoutReason);
      case 'phone.account': {
        const subject = this.subject();
        return phoneAccountFor(subject, this.context.directory, this.provisioningOf(subject), this.options.sipWebSocketUrl);
      }
      case 'provisioning.resync':
        return this.resync();
      case 'settings.get':
        return this.context.settings.view();
      case 'settings.unlock':
        return this.unlockSettings(args[0] as AdminAuth);
      case 'settings.update':
        return this.updateSettings(args[0] as SettingsPatch, args[1] as AdminAuth | undefined);
      case 'history.get':
        return this.history((store, device, identity) => store.read(device, identity));
      case 'history.change':
        return this.history((store, device, identity) => {
          const changed = store.change(device, identity, args[0] as string, args[1] as CallHistoryChange);
          this.hub.historyChanged(this, device, changed);
          return changed;
        });
      case 'directory.search':
        return this.searchDirectory(args[0] as string);
    }
  }

  /** The name this session's device goes by in the history store: its MAC's digits, or `account-101`. */
  historyDevice(): string | null {
    try {
      const subject = this.subject();
      return subject.accountOverride !== null ? `account-${subject.accountOverride}` : macDeviceId(subject.mac);
    } catch {
      return null;
    }
  }

  private history(use: (store: CallHistoryStore, device: string, identity: string | null) => IdentityHistory): IdentityHistory {
    const store = this.context.history;
    // A page from another machine may name any device with ?mac=: it must not read whoever is at that desk.
    if (this.options.remote) throw new BridgeError('forbidden', 'A page from another machine keeps its call history in the page only');
    const device = this.historyDevice();
    if (!store || device === null) throw new BridgeError('not-found', 'This device keeps no call history');
    return use(store, device, identityKey(this.deviceView().identity));
  }

  private async searchDirectory(query: string): Promise<DirectoryResult> {
    const subject = this.subject();
    const provisioning = this.provisioningOf(subject);
    const view = describeDevice(subject, this.context.directory, provisioning);
    const account = phoneAccountFor(subject, this.context.directory, provisioning, this.options.sipWebSocketUrl);
    const target = directoryTargetFor(subject, view, account, provisioning, this.context.ownDirectoryUrl?.() ?? null);
    if (!target) return { status: 'unavailable' };
    const search = this.context.searchDirectory ?? ((to: DirectoryTarget, q: string) => searchDirectory(to, q));
    return { status: 'ok', entries: await search(target, query) };
  }

  /** The device this session acts for; a remote page must name one with ?mac=. */
  private pageDevice(): PageDevice {
    const { macOverride, accountOverride, remote } = this.options;
    if (macOverride !== undefined && macOverride !== null) return { kind: 'mac', mac: macOverride };
    if (remote) throw new BridgeError('forbidden', 'A page from another machine must name its device with ?mac=');
    if (accountOverride !== undefined && accountOverride !== null) return { kind: 'account', extension: accountOverride };
    return { kind: 'own' };
  }

  private async unlockSettings(auth: AdminAuth): Promise<{ unlocked: true }> {
    this.refuseOtherDevices();
    await this.context.adminPin.verify(auth.adminPin);
    return { unlocked: true };
  }

  private async updateSettings(patch: SettingsPatch, auth: AdminAuth | undefined): Promise<Settings> {
    this.refuseOtherDevices();
    if (needsAdminPin(patch)) await this.context.adminPin.verify(auth?.adminPin);
    const { adminPin, ...fields } = patch;
    const updated = Object.keys(fields).length > 0 ? this.context.settings.update(fields) : this.context.settings.view();
    if (adminPin !== undefined) await this.context.adminPin.change(adminPin);
    return updated;
  }

  /** The settings belong to the host's own device: other pages may not change them, nor guess at its admin PIN. */
  private refuseOtherDevices(): void {
    const refusal = settingsUpdateRefusal(this.pageDevice());
    if (refusal) throw new BridgeError('forbidden', refusal);
  }

  private deviceMac(settings: DeviceSettings, device: PageDevice): Mac {
    if (device.kind === 'mac') {
      const mac = parseMac(device.mac);
      if (!mac) throw new BridgeError('bad-request', `The page's ?mac=${device.mac.slice(0, 40)} is not a MAC address (use 02:00:00:00:00:02)`);
      return mac;
    }
    return resolveDeviceMac(settings.mac, this.context.runningMode, this.context.machineMac);
  }

  private subject(): DeviceSubject {
    const settings = this.context.settings.get();
    const device = this.pageDevice();
    return {
      mac: this.deviceMac(settings, device),
      settings,
      accountOverride: device.kind === 'account' ? device.extension : null,
      ownDevice: device.kind === 'own',
      remote: this.options.remote === true,
      runningMode: this.context.runningMode,
    };
  }

  private deviceView(): DeviceView {
    const subject = this.subject();
    const view = describeDevice(subject, this.context.directory, this.provisioningOf(subject));
    // Whoever notices first that the identity changed wipes the previous one's history (README, privacy).
    const device = this.historyDevice();
    if (device !== null && this.context.history?.observe(device, identityKey(view.identity))) {
      this.hub.historyChanged(this, device, this.context.history.read(device, identityKey(view.identity)));
    }
    return view;
  }

  provisionedWebSocketUrls(): string[] {
    return [...(this.held?.client.state().document?.account.webSocketUrls ?? [])];
  }

  get heldMac(): Mac | null {
    return this.held?.mac ?? null;
  }

  /** The provisioning state of the subject's device, starting its client on first use (and on a MAC change). */
  private provisioningOf(subject: DeviceSubject) {
    const clients = this.context.provisioning;
    if (!clients || !isProvisioned(subject)) {
      this.releaseClient();
      return null;
    }
    if (this.held?.mac !== subject.mac) {
      this.releaseClient();
      this.held = { mac: subject.mac, ...clients.acquire(subject.mac) };
    }
    return this.held.client.state();
  }

  private async resync() {
    const subject = this.subject();
    if (!this.provisioningOf(subject) || !this.held) return null;
    return provisioningStatusFromState(await this.held.client.resync());
  }

  /** A hot-desk logout through the device's provisioning server; devices without one dial the logout code instead. */
  private async logout(reason: LogoutReason): Promise<LogoutResult> {
    const subject = this.subject();
    if (!this.provisioningOf(subject) || !this.held) return { outcome: 'unsupported' };
    return { outcome: await this.held.client.logout(reason) };
  }

  private releaseClient(): void {
    this.held?.release();
    this.held = null;
  }

  emitDeviceView(): void {
    try {
      this.emit('device.changed', this.deviceView());
    } catch {
      // A page with a bad ?mac= has already been told by its own device.view request.
    }
  }

  emit<N extends EventName>(name: N, payload: EventPayload<N>): void {
    const parsed = eventSchemas[name].parse(payload);
    this.listeners.emit({ name, payload: parsed } as BridgeEvent);
  }

  onEvent(listener: (event: BridgeEvent) => void): () => void {
    return this.listeners.add(listener);
  }

  close(): void {
    this.listeners.clear();
    this.releaseClient();
    this.hub.closed(this);
  }
}
