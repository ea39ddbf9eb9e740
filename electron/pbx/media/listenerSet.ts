/** The listeners of one kind of event; a failing listener never stops the media path or the other listeners. */
export class ListenerSet<T> {
  private readonly listeners = new Set<(value: T) => void>();

  get size(): number {
    return this.listeners.size;
  }

  /** Returns an unsubscribe function. */
  add(listener: (value: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(value: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch {
        // a failing listener must not stop the media path or the other listeners
      }
    }
  }
}
