import type { ConsoleEmergencyCall } from '../../../shared/contracts';

/** What needs the administrator's attention: an emergency call, a PIN lockout, a phone refused its provisioning. */
export type AlertKind = 'emergency' | 'lockout' | 'provisioning' | 'webhook';

export interface ConsoleAlert {
  id: string;
  kind: AlertKind;
  /** ISO 8601. */
  at: string;
  title: string;
  detail: string;
  /** The desk's location (emergency calls). */
  location: string | null;
  /** Raises the banner and the sound until acknowledged: a call that came in while the console was open or recently. */
  urgent: boolean;
  acknowledged: boolean;
}

/** The live events that are alerts. */
export const ALERT_EVENTS = ['emergency-call', 'extension.locked', 'phone.pending', 'emergency-webhook.failed'] as const;
/** The audit kinds the Alerts page shows as history. */
export const ALERT_AUDIT_KINDS = ['emergency.call', 'hotdesk.lockout'] as const;
/** A call from the history this recent still raises the banner (the console may have been opened because of it). */
export const URGENT_FOR_MS = 15 * 60_000;
const MAX_ALERTS = 200;

/** An alert for a live event, or null for one that is none (a phone request without a key problem). */
export function alertFromEvent(type: string, data: unknown, now: string): ConsoleAlert | null {
  const value = (data ?? {}) as Record<string, unknown>;
  if (type === 'emergency-call' && typeof value.id === 'string') {
    const call = value as unknown as ConsoleEmergencyCall;
    const from = call.device ? `${call.device.name}${call.user ? ` (${call.user.extension} ${call.user.name})` : ''}` : call.caller;
    const location = call.location?.short || null;
    return {
      id: `call:${call.id}`,
      kind: 'emergency',
      at: call.at,
      title: `Emergency call to ${call.number} from ${from}`,
      detail: location ? `Location: ${location}` : 'No location could be sent with this call',
      location,
      urgent: true,
      acknowledged: false,
    };
  }
  if (type === 'extension.locked' && typeof value.extension === 'string') {
    const item = value.item as { name?: string } | null;
    return alert(`lock:${value.extension}:${String(value.until)}`, 'lockout', now, `Hot-desk login of ${value.extension}${item?.name ? ` ${item.name}` : ''} locked`, `Too many wrong PINs; locked until ${String(value.until)}. Unlock it under Extensions.`);
  }
  if (type === 'phone.pending' && typeof value.mac === 'string') {
    const item = value.item as { keyMismatch?: boolean; device?: string | null; lastSeen?: string } | null;
    if (!item?.keyMismatch) return null;
    return alert(`pnp:${value.mac}:${item.lastSeen ?? now}`, 'provisioning', now, `Provisioning refused for ${value.mac}`, `The phone asked with another device key than the one ${item.device ?? 'its device'} is enrolled to. Compare the fingerprints under Phones.`);
  }
  if (type === 'emergency-webhook.failed' && typeof value.callId === 'string') {
    const retry = typeof value.retryInMs === 'number' ? `retrying in ${Math.round(value.retryInMs / 1000)} s` : 'no more attempts';
    return alert(`hook:${value.callId}:${String(value.attempt)}`, 'webhook', now, 'Emergency notification webhook failed', `Attempt ${String(value.attempt)}: ${String(value.problem)}; ${retry}`);
  }
  return null;
}

/** An alert from the login history (`GET /api/v1/audit`), already acknowledged unless a recent emergency call. */
export function alertFromAudit(event: { id: string; at: string; kind: string; device: string | null; extension: string | null; detail: string | null }, now: number): ConsoleAlert | null {
  if (event.kind === 'emergency.call') {
    const location = /location: (.*) \((?:pbx|device)\)$/.exec(event.detail ?? '')?.[1] ?? null;
    const urgent = now - Date.parse(event.at) < URGENT_FOR_MS;
    return {
      id: `audit:${event.id}`,
      kind: 'emergency',
      at: event.at,
      title: `Emergency call from ${event.device ?? 'an unknown caller'}`,
      detail: event.detail ?? '',
      location,
      urgent,
      acknowledged: false,
    };
  }
  if (event.kind === 'hotdesk.lockout') return alert(`audit:${event.id}`, 'lockout', event.at, `Hot-desk login of ${event.extension ?? '?'} locked`, event.detail ?? 'Too many wrong PINs');
  return null;
}

function alert(id: string, kind: AlertKind, at: string, title: string, detail: string): ConsoleAlert {
  return { id, kind, at, title, detail, location: null, urgent: false, acknowledged: false };
}

/** Adds alerts (newest first, each id once, at most 200), marking those acknowledged before. */
export function addAlerts(list: readonly ConsoleAlert[], added: readonly ConsoleAlert[], acknowledged: ReadonlySet<string>): ConsoleAlert[] {
  const byId = new Map(list.map((entry) => [entry.id, entry]));
  for (const entry of added) if (!byId.has(entry.id)) byId.set(entry.id, { ...entry, acknowledged: entry.acknowledged || acknowledged.has(entry.id) });
  return [...byId.values()].sort((a, b) => b.at.localeCompare(a.at)).slice(0, MAX_ALERTS);
}

export function acknowledgeAlert(list: readonly ConsoleAlert[], id: string): ConsoleAlert[] {
  return list.map((entry) => (entry.id === id ? { ...entry, acknowledged: true } : entry));
}

/** The emergency calls that sound and show on every page until acknowledged, newest first. */
export function activeEmergencies(list: readonly ConsoleAlert[]): ConsoleAlert[] {
  return list.filter((entry) => entry.kind === 'emergency' && entry.urgent && !entry.acknowledged);
}
