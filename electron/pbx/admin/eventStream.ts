import type { IncomingMessage, ServerResponse } from 'node:http';

export const HEARTBEAT_MS = 15_000;
export const MAX_EVENT_CLIENTS = 64;
/** A client this far behind is dropped rather than buffered for without bound. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

/**
 * Server-sent events (text/event-stream) to the consoles: each change as `id`/`event`/`data`, a comment as heartbeat
 * every 15 s so proxies and browsers keep the stream open, and a clean end on close.
 */
export class EventStreams {
  private readonly clients = new Set<ServerResponse>();
  /** The streams opened with a console session, by session key: they end with it. */
  private readonly bySession = new Map<string, Set<ServerResponse>>();
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private nextId = 1;

  constructor(private readonly options: { heartbeatMs?: number; maxClients?: number } = {}) {}

  get size(): number {
    return this.clients.size;
  }

  /** Starts a stream on `res` (for the console session `sessionKey`, if any); false when there are too many already. */
  open(req: IncomingMessage, res: ServerResponse, sessionKey: string | null = null): boolean {
    if (this.clients.size >= (this.options.maxClients ?? MAX_EVENT_CLIENTS)) return false;
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
      'X-Content-Type-Options': 'nosniff',
    });
    res.write('retry: 3000\n: connected\n\n');
    this.clients.add(res);
    if (sessionKey !== null) this.bySession.set(sessionKey, (this.bySession.get(sessionKey) ?? new Set()).add(res));
    const forget = () => this.drop(res);
    req.once('close', forget);
    res.once('close', forget);
    this.heartbeat ??= this.startHeartbeat();
    return true;
  }

  broadcast(event: string, data: unknown): void {
    if (this.clients.size === 0) return;
    const message = `id: ${this.nextId++}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const client of [...this.clients]) this.write(client, message);
  }

  /** Ends the streams of a console session that ended (sign-out, idle timeout): the console learns it at once. */
  endSession(sessionKey: string): void {
    for (const client of this.bySession.get(sessionKey) ?? []) {
      this.drop(client);
      client.end();
    }
    this.bySession.delete(sessionKey);
  }

  close(): void {
    for (const client of [...this.clients]) {
      this.drop(client);
      client.end();
    }
  }

  private startHeartbeat(): ReturnType<typeof setInterval> {
    const timer = setInterval(() => {
      for (const client of [...this.clients]) this.write(client, ': heartbeat\n\n');
    }, this.options.heartbeatMs ?? HEARTBEAT_MS);
    timer.unref();
    return timer;
  }

  private write(client: ServerResponse, text: string): void {
    if (client.writableLength > MAX_BUFFERED_BYTES) {
      this.drop(client);
      client.destroy();
      return;
    }
    client.write(text);
  }

  private drop(client: ServerResponse): void {
    this.clients.delete(client);
    for (const [key, streams] of this.bySession) if (streams.delete(client) && streams.size === 0) this.bySession.delete(key);
    if (this.clients.size === 0 && this.heartbeat !== null) {
      clearInterval(this.heartbeat);
      this.heartbeat = null;
    }
  }
}
