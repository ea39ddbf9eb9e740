import type { Mac } from '../../../../shared/domain/mac';

/** A device that asked for its profile before any hot-desking device was given its MAC (the console's "Phones"). */
export interface PendingPhone {
  mac: Mac;
  /** The SUBSCRIBE's User-Agent header, '' when absent. */
  userAgent: string;
  /** From `Event: ua-profile;vendor=...;model=...;version=...` (RFC 6080 §6.2); null when not sent. */
  vendor: string | null;
  model: string | null;
  firmware: string | null;
  /** The address the request came from (the WebSocket peer). */
  address: string;
  /** The device key the SUBSCRIBE proved (README, "Device enrolment"); null when it carried no proof. */
  publicKey: string | null;
  /** When this request arrived: the first call for a MAC is its first-seen, every later one its last-seen. */
  at: Date;
}

/** What the ua-profile notifier needs from the PBX's device records (adapted in the composition root). */
export interface ProfileDirectory {
  /** The hot-desking device set up for this MAC, if any, with the device key it is enrolled to (null: none yet). */
  findDeviceByMac(mac: Mac): { name: string; publicKey: string | null } | null;
  /** Lists (or refreshes) the phone under Phones as pending. */
  recordPendingPhone(phone: PendingPhone): void;
  /** The device's provisioning document URL (`http(s)://<pbx>/provisioning/<token>.json`), null if no such device. */
  provisioningUrl(deviceName: string): string | null;
}
