import type { DeviceOptions, HotDeskOptions } from '../../../shared/contracts';
import type { BlfPosition } from '../../../shared/domain/blfLayout';
import type { Mac } from '../../../shared/domain/mac';
import type { Sbc } from '../../../shared/sip/provisioningDocument';

/** A hot-desking device as provisioning sees it (adapted from the PBX's device records in the composition root). */
export interface ProvisioningDevice {
  /** The pool name, `HD0004`. */
  readonly name: string;
  readonly mac: Mac;
  /** The device Options; language, ring tone and auto-logout default when the record has none. */
  readonly options: DeviceOptions & Partial<Pick<HotDeskOptions, 'language' | 'ringTone' | 'autoLogout'>>;
  /** The SBC a remote device goes through, or null when it reaches the PBX directly. */
  readonly sbc: Sbc | null;
  /** The device key it is enrolled to (README, "Device enrolment"); null: not yet, nothing is served to it. */
  readonly publicKey: string | null;
}

/**
 * Who the device is right now: idle (its pool identity) or logged in as a user, with the user's BLF positions and
 * since when (ISO 8601; absent where the directory does not know).
 */
export type DeviceSipIdentity =
  | { kind: 'pool' }
  | { kind: 'user'; extension: string; name: string; blf: readonly BlfPosition[]; since?: string };

/** Registration credentials of a PBX identity: HA1 + realm, so the password never leaves the PBX. */
export interface ProvisioningCredentials {
  uri: string;
  authUser: string;
  ha1: string;
  realm: string;
  displayName: string;
}

/** What the provisioning documents are built from. */
export interface ProvisioningDirectory {
  listDevices(): readonly ProvisioningDevice[];
  findDeviceByName(name: string): ProvisioningDevice | null;
  identityOf(deviceName: string): DeviceSipIdentity;
  /** Credentials of an extension or pool name; null when there is no such SIP account. */
  credentialsFor(user: string): ProvisioningCredentials | null;
}

/**
 * The unguessable path segment of each device's provisioning URL. The PBX's device records keep a random token per
 * device; hmacDeviceTokens derives one from a secret instead, for a PBX without stored tokens.
 */
export interface DeviceTokens {
  tokenFor(device: ProvisioningDevice): string;
  /** The device a token belongs to; null for an unknown token. */
  deviceFor(token: string): ProvisioningDevice | null;
}
