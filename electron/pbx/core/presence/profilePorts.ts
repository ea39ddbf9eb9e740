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
  /** When this request arrived: the first call for a MAC is its first-seen, every later one its last-seen. */
  at: Date;
}

/** What the ua-profile notifier needs from the PBX's device records (adapted in the composition root). */
export interface ProfileDirectory {
  /** The hot-desking device this MAC is assigned to, if any. */
  findDeviceByMac(mac: Mac): { name: string } | null;
  /** Lists (or refreshes) the phone under Phones as pending. */
  recordPendingPhone(phone: PendingPhone): void;
  /** The device's provisioning document URL (`http(s)://<pbx>/provisioning/<token>.json`), null if no such device. */
  provisioningUrl(deviceName: string): string | null;
}
