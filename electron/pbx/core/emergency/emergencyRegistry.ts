import type { EmergencyCallEvent } from './emergencyCallEvent';

/** How long after an emergency call the operator may call the desk back and its auto-logout waits (README, "Emergency calls"). */
export const CALLBACK_WINDOW_MS = 30 * 60_000;

/** At most this many calls are kept; the oldest go first (they cannot all be within the window on a real site). */
const MAX_CALLS = 1000;

/**
 * The emergency calls of the last 30 minutes that came from a desk, by the id their `emergency-call` event carries:
 * what the operator's callback needs (which desk), and which desks keep their user logged in for now.
 */
export class EmergencyRegistry {
  private readonly calls = new Map<string, { call: EmergencyCallEvent; until: number }>();

  constructor(
    private readonly now: () => number,
    private readonly windowMs = CALLBACK_WINDOW_MS,
  ) {}

  /** Keeps a call that came from a desk; one that could not be tied to a desk has nobody to call back. */
  record(call: EmergencyCallEvent): void {
    if (call.device === null) return;
    this.prune();
    this.calls.set(call.id, { call, until: this.now() + this.windowMs });
    if (this.calls.size > MAX_CALLS) this.calls.delete(this.calls.keys().next().value as string);
  }

  /** The call with this id while its window runs; null when unknown or expired. */
  find(id: string): EmergencyCallEvent | null {
    this.prune();
    return this.calls.get(id)?.call ?? null;
  }

  /** Whether an emergency call from the desk is less than the window old. */
  holdsDesk(deviceName: string): boolean {
    this.prune();
    return [...this.calls.values()].some(({ call }) => call.device?.name === deviceName);
  }

  private prune(): void {
    const now = this.now();
    for (const [id, { until }] of this.calls) if (until <= now) this.calls.delete(id);
  }
}
