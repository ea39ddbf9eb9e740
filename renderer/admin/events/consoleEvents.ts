import { Backoff } from '../../../shared/util/backoff';
import { ListenerSet } from '../../../shared/util/listenerSet';

/** `connecting` until first open; `down` from any failure until it opens again. */
export type StreamState = 'connecting' | 'open' | 'down';

/** The parts of EventSource this uses (a fake in unit tests). */
export interface EventSourceLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

export interface ConsoleEventsOptions {
  url?: string;
  createSource?(url: string): EventSourceLike;
  /**
   * Asked after the stream failed for good (EventSource gives up on an HTTP error): true when the session still holds,
   * so the stream is opened again after a backoff; false when it ended (the console then signs out).
   */
  sessionAlive?(): Promise<boolean>;
  setTimer?(run: () => void, ms: number): unknown;
  clearTimer?(timer: unknown): void;
}

const CLOSED = 2;
const RECONNECT = { initialMs: 1_000, maxMs: 30_000 };

/**
 * The admin API's server-sent events (/api/v1/events), with the session cookie. Listeners subscribe per event type
 * and get the event's parsed `data`. While the browser reconnects by itself the state is `connecting`; when it gives
 * up (an HTTP error) the stream is opened again with backoff. Every (re)open is announced: events sent while the
 * stream was down are lost, so whoever shows a snapshot loads it again then.
 */
export class ConsoleEvents {
  private source: EventSourceLike | null = null;
  private current: StreamState = 'connecting';
  private timer: unknown = null;
  private stopped = true;
  private readonly backoff = new Backoff(RECONNECT, Math.random);
  private readonly byType = new Map<string, ListenerSet<unknown>>();
  private readonly states = new ListenerSet<StreamState>(report);
  private readonly opens = new ListenerSet<void>(report);
  private readonly ended = new ListenerSet<void>(report);

  constructor(private readonly options: ConsoleEventsOptions = {}) {}

  get state(): StreamState {
    return this.current;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.clearTimer();
    this.source?.close();
    this.source = null;
  }

  /** Listens to events of `type` (`device.status`, `emergency-call`…); returns the unsubscribe function. */
  on(type: string, listener: (data: unknown) => void): () => void {
    let listeners = this.byType.get(type);
    if (!listeners) {
      listeners = new ListenerSet<unknown>(report);
      this.byType.set(type, listeners);
      this.source?.addEventListener(type, (event) => this.dispatch(type, event));
    }
    return listeners.add(listener);
  }

  onState(listener: (state: StreamState) => void): () => void {
    return this.states.add(listener);
  }

  /** Each time the stream (re)opens: load snapshots again. */
  onOpen(listener: () => void): () => void {
    return this.opens.add(listener);
  }

  /** The session ended while the stream was down. */
  onSessionEnded(listener: () => void): () => void {
    return this.ended.add(listener);
  }

  private connect(): void {
    if (this.stopped) return;
    const url = this.options.url ?? '/api/v1/events';
    const source = this.options.createSource?.(url) ?? new EventSource(url, { withCredentials: true });
    this.source = source;
    for (const type of this.byType.keys()) source.addEventListener(type, (event) => this.dispatch(type, event));
    source.onopen = () => {
      if (this.source !== source) return;
      this.backoff.reset();
      this.setState('open');
      this.opens.emit();
    };
    source.onerror = () => {
      if (this.source !== source) return;
      // Down either way: the browser reconnects by itself (CONNECTING), or gave up and this retries (CLOSED).
      this.setState('down');
      if (source.readyState === CLOSED) void this.retryLater(source);
    };
  }

  private async retryLater(source: EventSourceLike): Promise<void> {
    source.close();
    const alive = (await this.options.sessionAlive?.().catch(() => true)) ?? true;
    if (this.stopped || this.source !== source) return;
    if (!alive) {
      this.stop();
      this.ended.emit();
      return;
    }
    const setTimer = this.options.setTimer ?? ((run, ms) => setTimeout(run, ms));
    this.timer = setTimer(() => {
      this.timer = null;
      this.connect();
    }, this.backoff.next());
  }

  private dispatch(type: string, event: MessageEvent<string>): void {
    let data: unknown;
    try {
      data = JSON.parse(event.data) as unknown;
    } catch {
      return;
    }
    this.byType.get(type)?.emit(data);
  }

  private setState(state: StreamState): void {
    if (this.current === state) return;
    this.current = state;
    this.states.emit(state);
  }

  private clearTimer(): void {
    if (this.timer === null) return;
    (this.options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>)))(this.timer);
    this.timer = null;
  }
}

function report(error: unknown): void {
  console.error('console events: a listener failed', error);
}
