// Time for the PBX, injected so that tests are deterministic (ARCHITECTURE.md: ids, randomness and time are injected).
export { ManualClock } from './manualClock';
export { randomIds, type IdSource } from './ids';

/** An opaque timer; only the clock that made it can clear it. */
export type TimerHandle = { readonly id: number };

export interface Clock {
  /** Milliseconds, monotonic for the clock's purposes (the system clock uses Date.now()). */
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  /** Clearing a timer that already ran or was cleared does nothing. */
  clearTimeout(handle: TimerHandle): void;
}

const systemTimers = new Map<number, ReturnType<typeof globalThis.setTimeout>>();
let nextSystemTimerId = 1;

/** The real clock: Date.now() and Node's timers. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(fn, ms) {
    const id = nextSystemTimerId++;
    systemTimers.set(
      id,
      globalThis.setTimeout(() => {
        systemTimers.delete(id);
        fn();
      }, Math.max(0, ms)),
    );
    return { id };
  },
  clearTimeout(handle) {
    const timer = systemTimers.get(handle.id);
    if (timer === undefined) return;
    globalThis.clearTimeout(timer);
    systemTimers.delete(handle.id);
  },
};
