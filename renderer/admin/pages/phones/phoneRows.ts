import type { ConsoleChange, ConsolePhone } from '../../../../shared/contracts';

/** The plug-and-play events the Phones table follows; each carries the request as the API shows it now (null once gone). */
export const PHONE_EVENTS = ['phone.pending', 'phone.removed', 'phone.assigned'] as const;

/** Newest request first. */
export function sortPhones(phones: readonly ConsolePhone[]): ConsolePhone[] {
  return [...phones].sort((a, b) => b.lastSeen.localeCompare(a.lastSeen) || a.mac.localeCompare(b.mac));
}

/** Applies one phone event: an item adds or replaces the request, none (assigned, dismissed) removes it. */
export function applyPhoneEvent(rows: readonly ConsolePhone[], _type: string, data: unknown): readonly ConsolePhone[] {
  const change = (data ?? {}) as Partial<ConsoleChange<ConsolePhone>> & { mac?: unknown };
  if (typeof change.mac !== 'string') return rows;
  const others = rows.filter((row) => row.mac !== change.mac);
  return change.item ? sortPhones([...others, change.item]) : others;
}

/** What the phone said it is: vendor and model, else its user agent. */
export function phoneDescription(phone: ConsolePhone): string {
  const named = [phone.vendor, phone.model].filter(Boolean).join(' ');
  return named || phone.userAgent || 'Unknown phone';
}

/** Why Assign cannot be offered for a request, or null when it can. */
export function assignBlocker(phone: ConsolePhone): string | null {
  if (phone.fingerprint === null) return 'It proved no device key, so it cannot be assigned';
  return null;
}

/** The target of an Assign: a new device for the phone's MAC, or an existing device by name. */
export type AssignTarget = { kind: 'new' } | { kind: 'existing'; name: string };

export interface ApiCall {
  method: 'POST' | 'PATCH';
  path: string;
  body: unknown;
}

/**
 * What an Assign does before assigning: creates the device for a new one; gives an existing device set up for another
 * MAC this one (which drops its old key and credentials, so the phone it had keeps nothing that works); else nothing.
 */
export function assignPreparation(phone: ConsolePhone, target: AssignTarget, devices: ReadonlyArray<{ name: string; mac: string }>): ApiCall | null {
  if (target.kind === 'new') return { method: 'POST', path: '/devices', body: { mac: phone.mac } };
  const device = devices.find((candidate) => candidate.name === target.name);
  if (device && device.mac !== phone.mac) return { method: 'PATCH', path: `/devices/${encodeURIComponent(device.name)}`, body: { mac: phone.mac } };
  return null;
}

/** The assign itself, refused by the API if the phone's key is no longer the fingerprint the admin saw. */
export function assignCall(phone: ConsolePhone, deviceName: string): ApiCall {
  return { method: 'POST', path: `/phones/${encodeURIComponent(phone.mac)}/assign`, body: { device: deviceName, ...(phone.fingerprint ? { fingerprint: phone.fingerprint } : {}) } };
}
