import type { DispatchableLocation } from '../../../../shared/domain/dispatchableLocation';

/**
 * What the PBX tells on-site responders about an emergency call, as soon as the INVITE arrives: the `emergency-call`
 * server-sent event, the audit log entry and the webhook's JSON body (README, "Emergency calls").
 */
export interface EmergencyCallEvent {
  /** Unique per call. */
  id: string;
  /** The emergency number dialled. */
  number: string;
  /** When the INVITE arrived (ISO 8601). */
  at: string;
  /** The caller as the From header names it. */
  caller: string;
  /** The desk the call came from: the device of the registered identity (pool identity or logged-in user). */
  device: { name: string; mac: string } | null;
  /** The user logged in at that desk, if any. */
  user: { extension: string; name: string } | null;
  /** The location sent with the call, or null when none could be. */
  location: { short: string; civic: DispatchableLocation; source: EmergencyLocationSource } | null;
}

/** `pbx`: added by the PBX from the device record; `device`: the phone sent its own. */
export type EmergencyLocationSource = 'pbx' | 'device';
