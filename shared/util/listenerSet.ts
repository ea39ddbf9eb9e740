export type Listener<T> = (value: T) => void;

/**
 * The listeners of one kind of event, with one error policy everywhere: emit() calls every listener that was
 * registered when it started, in the order they were added (one added or removed meanwhile counts from the next
 * emit on); a listener that throws is reported to `onError` and stops neither the others nor the emitter — the
 * event has happened, whatever a listener makes of it.
 */
export class ListenerSet<T> {
  private readonly listeners = new Set<Listener<T>>();

  constructor(private readonly onError: (error: unknown, value: T) => void) {}

  /** Adds a listener; the function returned removes it. */
  add(listener: Listener<T>): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit(value: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch (error) {
        this.onError(error, value);
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }

  get size(): number {
    return this.listeners.size;
  }
}
