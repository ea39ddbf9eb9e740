import {
  BridgeError,
  eventSchemas,
  requestSchemas,
  validateRequest,
  type AppInfo,
  type BridgeEvent,
  type DeviceView,
  type EventName,
  type EventPayload,
  type RequestName,
  type Settings,
} from '../../../shared/contracts';
import { parseMac, type Mac } from '../../../shared/domain/mac';
import type { SettingsStore } from '../settings/settingsStore';
import { resolveDeviceMac } from '../identity/deviceMac';
import type { ProvisioningClient } from '../provisioning';
import { describeDevice, isProvisioned, phoneAccountFor, type DeviceDirectory, type DeviceSubject } from './deviceView';
import { provisioningStatusFromState } from '../provisioning/documentView';

export interface BridgeHubContext {
  settings: SettingsStore;
  directory: DeviceDirectory;
  machineMac: Mac | null;
  appInfo(): AppInfo;
  /** One provisioning client per device MAC in use (ProvisioningClients); null where the host does none. */
  provisioning: DeviceProvisioning | null;
}

export interface DeviceProvisioning {
  acquire(mac: Mac): { client: Pick<ProvisioningClient, 'state' | 'resync'>; release(): void };
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
    const session = new Session(this.context, options, (closed) => this.sessions.delete(closed));
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

  close(): void {
    this.unsubscribeSettings();
    for (const session of [...this.sessions]) session.close();
  }
}

class Session implements BridgeSession {
  private readonly listeners = new Set<(event: BridgeEvent) => void>();
  private held: ({ mac: Mac } & ReturnType<DeviceProvisioning['acquire']>) | null = null;

  constructor(
    private readonly context: BridgeHubContext,
    private readonly options: SessionOptions,
    private readonly onClose: (session: Session) => void,
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
      case 'phone.account': {
        const subject = this.subject();
        return phoneAccountFor(subject, this.context.directory, this.provisioningOf(subject), this.options.sipWebSocketUrl);
      }
      case 'provisioning.resync':
        return this.resync();
      case 'settings.get':
        return this.context.settings.get();
      case 'settings.update':
        return this.context.settings.update(args[0]);
    }
  }

  private deviceMac(settings: Settings): Mac {
    const override = this.options.macOverride;
    if (override !== undefined && override !== null) {
      const mac = parseMac(override);
      if (!mac) throw new BridgeError('bad-request', `The page's ?mac=${override.slice(0, 40)} is not a MAC address (use 02:00:00:00:00:02)`);
      return mac;
    }
    return resolveDeviceMac(settings.mac, settings.mode, this.context.machineMac);
  }

  private subject(): DeviceSubject {
    const settings = this.context.settings.get();
    return { mac: this.deviceMac(settings), settings, accountOverride: this.options.accountOverride ?? null };
  }

  private deviceView(): DeviceView {
    const subject = this.subject();
    return describeDevice(subject, this.context.directory, this.provisioningOf(subject));
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
    for (const listener of this.listeners) listener({ name, payload: parsed } as BridgeEvent);
  }

  onEvent(listener: (event: BridgeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.listeners.clear();
    this.releaseClient();
    this.onClose(this);
  }
}
