import type { IncomingMessage, ServerResponse } from 'node:http';
import { provisioningPath } from '../../../shared/sip/plugAndPlay';
import type { ProvisioningDocument } from '../../../shared/sip/provisioningDocument';
import type { LogoutReason } from '../../../shared/sip/provisioningLogout';
import { sipWebSocketUrl, sipWebSocketUrlOf } from '../../../shared/sip/sipWebSocket';
import type { Clock } from '../../sip';
import type { DeviceProofVerifier } from '../core';
import { buildProvisioningContent } from './buildProvisioningDocument';
import type { ForeignKeySighting } from './deviceAccess';
import { documentRoute, type RequestOrigin } from './documentRoute';
import { DocumentStamps } from './documentStamps';
import { logoutRoute } from './logoutRoute';
import { createProvisioningHttp, type ProvisioningRoute } from './provisioningHttp';
import type { DeviceTokens, ProvisioningDevice, ProvisioningDirectory } from './provisioningPorts';

export interface ProvisioningOptions {
  directory: ProvisioningDirectory;
  /** The URL token of each device: the device records' stored tokens, or hmacDeviceTokens. */
  tokens: DeviceTokens;
  clock: Clock;
  /**
   * Where devices reach the PBX's HTTP server, e.g. `http://127.0.0.1:5170` — the base of the URLs sent in PnP
   * NOTIFYs, and the SIP WebSocket address of documents fetched without a usable Host header.
   */
  publicBaseUrl(): string;
  /** Checks the device-key proof of every request (README, "Device enrolment"); shared with the ua-profile notifier. */
  proofs: DeviceProofVerifier;
  /** Device actions besides the document (`/provisioning/<token>/<name>`), behind the same device check. */
  routes?: readonly ProvisioningRoute[];
  /**
   * Logs a device's user out at the device's own request (`POST /provisioning/<token>/logout`); resolves false when
   * nobody was logged in or the logout is deferred. Absent: that path is not served.
   */
  logout?(deviceName: string, reason: LogoutReason): Promise<boolean>;
  /** A request proved a key its device is not enrolled to (the composition root lists it under Phones). */
  onForeignKey?(sighting: ForeignKeySighting): void;
  onError?(error: unknown): void;
}

/**
 * Provisioning documents: one unguessable URL per hot-desking device, the document built from the device records on
 * every fetch, served over HTTP only to the holder of the device's enrolled key (deviceAccess.ts). The composition
 * root mounts `http` on the PBX's HTTP server and hands `urlFor` to the ua-profile notifier and `aorsOf` to check-sync.
 */
export class Provisioning {
  readonly http: (request: IncomingMessage, response: ServerResponse) => boolean;
  private readonly stamps = new DocumentStamps();

  constructor(private readonly options: ProvisioningOptions) {
    this.http = createProvisioningHttp({
      proofs: options.proofs,
      deviceFor: (token) => options.tokens.deviceFor(token),
      routes: [
        documentRoute((device, origin) => this.build(device, origin)),
        ...(options.logout ? [logoutRoute({ logout: options.logout, build: (device, origin) => this.build(device, origin) })] : []),
        ...(options.routes ?? []),
      ],
      ...(options.onForeignKey ? { onForeignKey: options.onForeignKey } : {}),
      ...(options.onError ? { onError: options.onError } : {}),
    });
  }

  /** `http(s)://<pbx>/provisioning/<token>.json`, or null when there is no such device. */
  urlFor(deviceName: string): string | null {
    const device = this.options.directory.findDeviceByName(deviceName);
    if (!device) return null;
    return `${this.options.publicBaseUrl().replace(/\/+$/, '')}${provisioningPath(this.options.tokens.tokenFor(device))}`;
  }

  /** The document the device gets now (as fetched from publicBaseUrl); null when there is no such device. */
  documentFor(deviceName: string, origin: RequestOrigin | null = null): ProvisioningDocument | null {
    const device = this.options.directory.findDeviceByName(deviceName);
    return device ? this.build(device, origin) : null;
  }

  /** Who the device may be registered as: its pool name and the user of the document it was last served. */
  aorsOf(deviceName: string): string[] {
    const served = this.stamps.lastServedUser(deviceName);
    return served === null || served === deviceName ? [deviceName] : [deviceName, served];
  }

  private build(device: ProvisioningDevice, origin: RequestOrigin | null): ProvisioningDocument {
    const identity = this.options.directory.identityOf(device.name);
    const user = identity.kind === 'pool' ? device.name : identity.extension;
    const credentials = this.options.directory.credentialsFor(user);
    if (!credentials) throw new Error(`${device.name}: there is no SIP account for ${user}`);
    const content = buildProvisioningContent({ device, identity, credentials, webSocketUrl: this.webSocketUrl(origin) });
    return this.stamps.stamp(device.name, content, new Date(this.options.clock.now()));
  }

  /** The SIP WebSocket at the address the document was fetched from (`ws[s]://<Host>/sip`). */
  private webSocketUrl(origin: RequestOrigin | null): string {
    return origin ? sipWebSocketUrl(origin.secure, origin.host) : sipWebSocketUrlOf(this.options.publicBaseUrl());
  }
}
