import {
  BRIDGE_PATH,
  BridgeError,
  MAX_BRIDGE_FRAME_BYTES,
  toErrorCode,
  validateRequest,
  wireServerMessageSchema,
  type Bridge,
  type BridgeEvent,
  type RequestArgs,
  type RequestName,
  type RequestResult,
  type WireRequest,
} from '../../../shared/contracts';
import { backoffDelay, type BackoffPolicy } from '../../../shared/util/backoff';
import type { BridgeConnection, ConnectionState } from './connection';
import { ListenerSet } from '../../../shared/util/listenerSet';
import { parseEvent, parseResult } from './validate';

/** The part of the DOM `WebSocket` the bridge uses, so tests can hand it a fake. */
export interface WebSocketLike {
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export interface WebSocketBridgeOptions {
  readonly url: string;
  readonly createSocket?: (url: string) => WebSocketLike;
  readonly backoff?: BackoffPolicy;
  /** A call without a reply after this long rejects (the socket may be half-open). */
  readonly requestTimeoutMs?: number;
  /** 0 ≤ x < 1; spreads the reconnects of many kiosks after a host restart. */
  readonly random?: () => number;
  /**
   * Runs before each reconnect: the web host's bridge wants the page secret of its current start, an HttpOnly cookie
   * that comes with the page, so after a host restart the page is fetched again to pick up the new one.
   */
  readonly beforeReconnect?: () => Promise<unknown>;
  readonly log?: (message: string, detail?: unknown) => void;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 500, maxMs: 10_000 };
export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;

export const CANNOT_CONNECT = 'Cannot connect to the device host';
export const CONNECTION_LOST = 'Lost the connection to the device host';
export const NOT_CONNECTED = 'Not connected to the device host — reconnecting';
export const BRIDGE_CLOSED = 'The bridge was closed';

/** The page's query parameters the device host reads from the bridge URL: the device (`?mac=`), a demo softphone (`?account=`). */
export const FORWARDED_QUERY = ['mac', 'account'] as const;

/**
 * `ws(s)://<host>/bridge`, plus the page's own `?mac=` and `?account=` passed through unchanged (the host validates
 * them). Colons stay literal — they are legal in a query — everything else is percent-encoded.
 */
export function bridgeUrl(location: Pick<Location, 'protocol' | 'host' | 'search'>): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const params = new URLSearchParams(location.search);
  const parts: string[] = [];
  for (const name of FORWARDED_QUERY) {
    const value = params.get(name);
    if (value !== null) parts.push(`${name}=${encodeURIComponent(value).replace(/%3A/gi, ':')}`);
  }
  const query = parts.length === 0 ? '' : `?${parts.join('&')}`;
  return `${scheme}//${location.host}${BRIDGE_PATH}${query}`;
}

interface PendingCall {
  readonly name: RequestName;
  readonly frame: string;
  sent: boolean;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: BridgeError) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

/**
 * The bridge over the web host's `/bridge` WebSocket (shared/contracts/wire.ts). Calls made while the socket is still
 * connecting wait for it; calls made while it is down fail at once. When the socket closes every unanswered call
 * rejects with a BridgeError and the bridge reconnects with backoff. It never makes up events: after a reconnect the
 * app re-reads what it needs (see `onConnectionChange`).
 */
export class WebSocketBridge implements Bridge, BridgeConnection {
  private socket: WebSocketLike | null = null;
  private state: ConnectionState = 'connecting';
  private stopped = false;
  private openedThisSocket = false;
  private attempt = 0;
  private nextId = 1;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly pending = new Map<number, PendingCall>();
  private readonly eventListeners = new ListenerSet<BridgeEvent>((error) => this.log('event listener failed', error));
  private readonly connectionListeners = new ListenerSet<ConnectionState>((error) => this.log('connection listener failed', error));
  private readonly createSocket: (url: string) => WebSocketLike;
  private readonly backoff: BackoffPolicy;
  private readonly requestTimeoutMs: number;
  private readonly random: () => number;
  private readonly log: (message: string, detail?: unknown) => void;

  constructor(private readonly options: WebSocketBridgeOptions) {
    this.createSocket = options.createSocket ?? ((url) => new WebSocket(url));
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    this.random = options.random ?? Math.random;
    this.log = options.log ?? ((message, detail) => console.warn(`[bridge] ${message}`, detail ?? ''));
    this.connect();
  }

  get connectionState(): ConnectionState {
    return this.state;
  }

  invoke<N extends RequestName>(name: N, ...args: RequestArgs<N>): Promise<RequestResult<N>> {
    return new Promise<RequestResult<N>>((resolve, reject) => {
      if (this.stopped) return reject(new BridgeError('internal', BRIDGE_CLOSED));
      if (this.state === 'closed') return reject(new BridgeError('internal', NOT_CONNECTED));
      try {
        // Checked here for an early, clear error; the original args are sent, because parsing would fill in the
        // schema's defaults (a settings patch would grow into a full settings object).
        validateRequest(name, args);
      } catch (error) {
        return reject(error);
      }
      const id = this.nextId++;
      const request: WireRequest = { type: 'request', id, name, args };
      const frame = JSON.stringify(request);
      if (new TextEncoder().encode(frame).byteLength > MAX_BRIDGE_FRAME_BYTES) {
        return reject(new BridgeError('bad-request', `${name} request is larger than ${MAX_BRIDGE_FRAME_BYTES} bytes`));
      }
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new BridgeError('internal', `${name}: no reply from the device host within ${this.requestTimeoutMs / 1000} s`));
      }, this.requestTimeoutMs);
      const call: PendingCall = { name, frame, sent: false, resolve: resolve as (value: unknown) => void, reject, timer };
      this.pending.set(id, call);
      if (this.state === 'open') this.send(call);
    });
  }

  onEvent(listener: (event: BridgeEvent) => void): () => void {
    return this.eventListeners.add(listener);
  }

  onConnectionChange(listener: (state: ConnectionState) => void): () => void {
    return this.connectionListeners.add(listener);
  }

  /** Stops for good: closes the socket, cancels reconnecting and rejects every unanswered call. */
  close(): void {
    if (this.stopped) return;
    this.stopped = true;
    if (this.reconnectTimer !== null) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      this.detach(socket);
      socket.close(1000, 'bridge closed');
    }
    this.rejectAll(BRIDGE_CLOSED);
    this.setState('closed');
  }

  private connect(): void {
    this.reconnectTimer = null;
    if (this.stopped) return;
    this.openedThisSocket = false;
    this.setState('connecting');
    let socket: WebSocketLike;
    try {
      socket = this.createSocket(this.options.url);
    } catch (error) {
      this.log(`cannot open ${this.options.url}`, error);
      this.handleClose();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      if (this.socket !== socket) return;
      this.attempt = 0;
      this.openedThisSocket = true;
      this.setState('open');
      for (const call of this.pending.values()) if (!call.sent) this.send(call);
    };
    socket.onmessage = (event) => {
      if (this.socket === socket) this.handleMessage(event.data);
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.detach(socket);
      this.socket = null;
      this.handleClose();
    };
    // An error is always followed by a close, which does the work.
    socket.onerror = () => undefined;
  }

  private handleClose(): void {
    this.rejectAll(this.openedThisSocket ? CONNECTION_LOST : CANNOT_CONNECT);
    if (this.stopped) return;
    this.setState('closed');
    const delay = backoffDelay(this.attempt, this.backoff, this.random);
    this.attempt += 1;
    this.reconnectTimer = setTimeout(() => this.reconnect(), delay);
  }

  private reconnect(): void {
    const before = this.options.beforeReconnect;
    if (!before) return this.connect();
    this.reconnectTimer = null;
    // A failed refresh is no reason not to try: the connection attempt reports what is wrong.
    void before().then(
      () => this.connect(),
      () => this.connect(),
    );
  }

  private send(call: PendingCall): void {
    call.sent = true;
    try {
      this.socket?.send(call.frame);
    } catch (error) {
      // The close event that follows rejects the call.
      this.log('send failed', error);
    }
  }

  private handleMessage(data: unknown): void {
    if (typeof data !== 'string') return this.log('ignored a binary frame');
    let raw: unknown;
    try {
      raw = JSON.parse(data);
    } catch {
      return this.log('ignored a frame that is not JSON');
    }
    const parsed = wireServerMessageSchema.safeParse(raw);
    if (!parsed.success) return this.handleMalformed(raw);
    const message = parsed.data;
    if (message.type === 'event') {
      const event = parseEvent(message.name, message.payload);
      if (!event) return this.log(`ignored event ${JSON.stringify(message.name)} (unknown or invalid payload)`);
      this.eventListeners.emit(event);
      return;
    }
    const call = this.take(message.id);
    if (!call) return this.log(`ignored a reply to unknown request ${message.id}`);
    if (!message.ok) return call.reject(new BridgeError(toErrorCode(message.error.code), message.error.message));
    try {
      call.resolve(parseResult(call.name, message.result));
    } catch (error) {
      call.reject(error as BridgeError);
    }
  }

  /** A reply we cannot read still settles its call, so nothing waits for the timeout. */
  private handleMalformed(raw: unknown): void {
    const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
    const call = typeof id === 'number' ? this.take(id) : undefined;
    if (!call) return this.log('ignored a malformed frame', raw);
    call.reject(new BridgeError('internal', `${call.name}: malformed reply from the device host`));
  }

  private take(id: number): PendingCall | undefined {
    const call = this.pending.get(id);
    if (!call) return undefined;
    this.pending.delete(id);
    clearTimeout(call.timer);
    return call;
  }

  private rejectAll(message: string): void {
    const calls = [...this.pending.values()];
    this.pending.clear();
    for (const call of calls) {
      clearTimeout(call.timer);
      call.reject(new BridgeError('internal', message));
    }
  }

  private detach(socket: WebSocketLike): void {
    socket.onopen = null;
    socket.onmessage = null;
    socket.onclose = null;
    socket.onerror = null;
  }

  private setState(state: ConnectionState): void {
    if (this.state === state) return;
    this.state = state;
    this.connectionListeners.emit(state);
  }
}
