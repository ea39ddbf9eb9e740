/** How long after a start the work kept off it begins, unless something needs it sooner. */
export const AFTER_START_DELAY_MS = 5000;

/**
 * Work kept off a start: it runs `delayMs` after it is scheduled, or at once when something needs it first (run()),
 * whichever comes first, and only once. cancel() drops it if it has not begun: a process about to stop leaves it to
 * the next start rather than spend its stop on it.
 */
export class LaterTask {
  private running: Promise<void> | null = null;
  private cancelled = false;
  private timer: NodeJS.Timeout | null;

  constructor(
    private readonly work: () => Promise<void>,
    delayMs: number,
  ) {
    this.timer = setTimeout(() => void this.run().catch(() => undefined), delayMs);
    this.timer.unref();
  }

  /** Starts the work now if it has not started (and was not cancelled); resolves (or rejects) with it. */
  run(): Promise<void> {
    this.clearTimer();
    if (this.cancelled) return this.running ?? Promise.resolve();
    return (this.running ??= this.work());
  }

  /** From now on the work never starts; resolves when a run already under way is over. */
  cancel(): Promise<void> {
    this.clearTimer();
    this.cancelled = true;
    return (this.running ?? Promise.resolve()).catch(() => undefined);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
