import path from 'node:path';
import type { Mac } from '../../../shared/domain/mac';
import type { DeviceKey } from '../identity/deviceKey';
import { FileDocumentStore } from './documentStore';
import { fetchProvisioningDocument } from './fetchDocument';
import { postProvisioningLogout } from './logoutRequest';
import { PnpSubscriber } from './pnpSubscriber';
import { ProvisioningClient, type PnpStarter, type ProvisioningState } from './provisioningClient';

export interface HostProvisioningOptions {
  /** The device host's data dir; documents go to `<dataDir>/provisioning/`. */
  dataDir: string;
  /** The app version the PnP SUBSCRIBE announces. */
  version: string;
  /**
   * The host's device key: one per host, so every MAC it serves (every `?mac=` page of the web host) proves the same
   * key (README, "Device enrolment").
   */
  deviceKey: DeviceKey;
  /** Where to send PnP SUBSCRIBEs: the PBX's or SBC's SIP WebSocket (embedded PBX: the web host's own `/sip`). */
  pnpWebSocketUrl(): string | null;
  /** The provisioning URL typed in settings, or null. */
  manualUrl(): string | null;
  /** Called with a MAC's new state whenever it changes (the bridge redraws the device's pages). */
  onChange?(state: ProvisioningState): void;
  /** Replaces plug-and-play (tests). */
  startPnp?: PnpStarter;
  onError?(error: unknown): void;
}

/**
 * The provisioning clients of one device host, one per MAC in use: the Electron kiosk has one; in the web host every
 * page with a `?mac=` is a device. acquire() starts the MAC's client on first use; the last release() stops it.
 */
export class ProvisioningClients {
  private readonly clients = new Map<Mac, { client: ProvisioningClient; users: number }>();
  private readonly startPnp: PnpStarter;

  constructor(private readonly options: HostProvisioningOptions) {
    this.startPnp =
      options.startPnp ??
      ((mac, webSocketUrl, callbacks) => {
        const subscriber = new PnpSubscriber({ mac, webSocketUrl, version: options.version, deviceKey: options.deviceKey, ...callbacks });
        subscriber.start();
        return subscriber;
      });
  }

  acquire(mac: Mac): { client: ProvisioningClient; release(): void } {
    let entry = this.clients.get(mac);
    if (!entry) {
      const client = new ProvisioningClient({
        mac,
        store: new FileDocumentStore(path.join(this.options.dataDir, 'provisioning')),
        manualUrl: this.options.manualUrl,
        pnpWebSocketUrl: this.options.pnpWebSocketUrl,
        startPnp: this.startPnp,
        fetchDocument: (url, etag) => fetchProvisioningDocument(url, etag, { deviceKey: this.options.deviceKey }),
        postLogout: (url, reason) => postProvisioningLogout(url, reason, { deviceKey: this.options.deviceKey }),
        ...(this.options.onError ? { onError: this.options.onError } : {}),
      });
      const onChange = this.options.onChange;
      if (onChange) client.onChange(onChange);
      entry = { client, users: 0 };
      this.clients.set(mac, entry);
      void client.start();
    }
    entry.users++;
    const held = entry;
    let released = false;
    return {
      client: held.client,
      release: () => {
        if (released) return;
        released = true;
        held.users--;
        if (held.users === 0 && this.clients.get(mac) === held) {
          this.clients.delete(mac);
          held.client.stop();
        }
      },
    };
  }

  get(mac: Mac): ProvisioningClient | undefined {
    return this.clients.get(mac)?.client;
  }

  /** The provisioning URL in settings changed: every client re-evaluates its source. */
  settingsChanged(): void {
    for (const { client } of this.clients.values()) client.settingsChanged();
  }

  /** The device joined another PBX (or its own again): every client forgets the old one's documents and re-runs PnP. */
  pbxChanged(): void {
    for (const { client } of this.clients.values()) void client.pbxChanged();
  }

  close(): void {
    for (const { client } of this.clients.values()) client.stop();
    this.clients.clear();
  }
}
