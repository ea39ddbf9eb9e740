import { ListenerSet } from '../../../../shared/util/listenerSet';
import type { EmergencyCallEvent } from '../emergency/emergencyCallEvent';

/** What changed in the hot-desk data; the admin API pushes these to the console as server-sent events. */
export type HotDeskChange =
  | { type: 'device.created' | 'device.deleted'; name: string }
  /** `provisioning`: the device's provisioning document changed (options, SBC, MAC…), so it should re-fetch it. */
  | { type: 'device.updated'; name: string; provisioning: boolean }
  /** Registration or login state changed (reported by the SIP side). */
  | { type: 'device.status'; name: string }
  | { type: 'phone.pending' | 'phone.removed'; mac: string }
  | { type: 'phone.assigned'; mac: string; device: string }
  | { type: 'extension.created' | 'extension.updated' | 'extension.deleted'; extension: string }
  /** Too many wrong PINs: the extension's hot-desk login is locked until `until` (ISO 8601). */
  | { type: 'extension.locked'; extension: string; until: string }
  | { type: 'dial-codes.updated' | 'licence.updated' | 'settings.updated' }
  /** Another system prompt set was installed (Update). */
  | { type: 'prompts.updated' }
  /** An emergency call, as its INVITE arrived (README, "Emergency calls"). */
  | { type: 'emergency-call'; call: EmergencyCallEvent }
  /** A webhook delivery of an emergency call failed; `retryInMs` null when no more attempts will be made. */
  | { type: 'emergency-webhook.failed'; callId: string; attempt: number; problem: string; retryInMs: number | null }
  /** The operator's callback to the desk of emergency call `callId`: `answered`, or `failed` with the status (0: none). */
  | { type: 'emergency-callback'; callId: string; device: string; outcome: 'answered' | 'failed'; status: number | null; reason: string | null };

export type ChangeListener = (change: HotDeskChange) => void;

/** A synchronous publish/subscribe of hot-desk changes (ListenerSet: a failing listener is logged, nothing more). */
export class ChangeFeed {
  private readonly listeners = new ListenerSet<HotDeskChange>((error, change) => console.error(`hot-desk change listener failed on ${change.type}:`, error));

  subscribe(listener: ChangeListener): () => void {
    return this.listeners.add(listener);
  }

  emit(change: HotDeskChange): void {
    this.listeners.emit(change);
  }

  get size(): number {
    return this.listeners.size;
  }
}
