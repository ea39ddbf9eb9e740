import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Flow, FlowLookup, TransportUser } from '../../sip';
import { isAllowedOrigin } from './originCheck';
import { TokenBucket } from '../../../shared/util/tokenBucket';

const MAX_SIP_MESSAGE_BYTES = 64 * 1024;

export interface WsTransportOptions {
  maxMessageBytes?: number;
  /** Per connection: a burst of `burst` messages, then `perSecond`; a flooding connection is closed. */
  flood?: { burst: number; perSecond: number };
  now?: () => number;
  /** Host names a page may be served from besides the Host it connects to (see isAllowedOrigin). */
  allowedOriginHosts?: () => readonly string[];
}

// RFC 6455 §7.4.1 close codes used to tell a client why it was dropped.
const CLOSE_POLICY = 1008;
const CLOSE_TOO_BIG = 1009;

/**
 * SIP over WebSocket (RFC 7118): the `sip` subprotocol, one flow per connection, size and rate limits, no parsing;
 * upgrades from a browser page of a foreign origin are refused 403. The owner routes HTTP upgrades for its SIP path to `handleUpgrade`. The transport is the one table of open
 * connections: the layers above find a flow by its id through `flowById`.
 */
export class WsSipTransport implements FlowLookup {
  private readonly server: WebSocketServer;
  private readonly connections = new Map<string, { ws: WebSocket; flow: Flow }>();
  private nextId = 1;

  constructor(
    private readonly user: TransportUser,
    private readonly options: WsTransportOptions = {},
  ) {
    this.server = new WebSocketServer({
      noServer: true,
      maxPayload: options.maxMessageBytes ?? MAX_SIP_MESSAGE_BYTES,
      handleProtocols: (protocols) => (protocols.has('sip') ? 'sip' : false),
    });
  }

  flowById(flowId: string): Flow | undefined {
    return this.connections.get(flowId)?.flow;
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer, secure: boolean): void {
    const offered = String(request.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
    if (!offered.includes('sip')) {
      // RFC 7118 §4: the client must offer the "sip" subprotocol.
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\nOffer the "sip" WebSocket subprotocol');
      return;
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !isAllowedOrigin(origin, request.headers.host, this.options.allowedOriginHosts?.() ?? [])) {
      // Browsers always send Origin; a page of another site must not get a SIP connection from the user's network.
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\nCross-origin SIP WebSocket refused');
      return;
    }
    this.server.handleUpgrade(request, socket, head, (ws) => this.accept(ws, request, socket, secure));
  }

  private accept(ws: WebSocket, request: IncomingMessage, socket: Duplex, secure: boolean): void {
    const now = this.options.now ?? Date.now;
    const flood = this.options.flood ?? { burst: 200, perSecond: 100 };
    const bucket = new TokenBucket(flood.burst, flood.perSecond, now);
    const batch = batchWritesPerTick(socket);
    const flow: Flow = {
      id: `ws-${this.nextId++}`,
      remoteAddress: request.socket.remoteAddress ?? '0.0.0.0',
      remotePort: request.socket.remotePort ?? 0,
      secure,
      send: (message) => {
        if (ws.readyState !== ws.OPEN) return false;
        batch();
        ws.send(message);
        return true;
      },
      close: (reason) => ws.close(CLOSE_POLICY, reason.slice(0, 120)),
    };
    this.connections.set(flow.id, { ws, flow });
    ws.on('message', (data, isBinary) => {
      if (!bucket.take()) {
        ws.close(CLOSE_POLICY, 'Too many messages');
        return;
      }
      // RFC 7118 §5.2 allows SIP in binary frames too; SIP is UTF-8 text either way.
      const text = isBinary || typeof data !== 'string' ? Buffer.from(data as Buffer).toString('utf8') : data;
      this.user.onMessage(flow, text);
    });
    ws.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') ws.close(CLOSE_TOO_BIG, 'SIP message too large');
    });
    ws.on('close', () => {
      this.connections.delete(flow.id);
      this.user.onFlowClosed(flow);
    });
  }

  close(): void {
    for (const { ws } of this.connections.values()) ws.terminate();
    this.server.close();
  }
}

/**
 * Messages sent on one connection in the same tick leave in one write (a BLF fan-out sends a device the NOTIFYs of
 * several keys at once): the socket is corked at the first and uncorked once the tick's work is done.
 */
function batchWritesPerTick(socket: Duplex): () => void {
  let corked = false;
  return () => {
    if (corked) return;
    corked = true;
    socket.cork();
    process.nextTick(() => {
      corked = false;
      socket.uncork();
    });
  };
}
