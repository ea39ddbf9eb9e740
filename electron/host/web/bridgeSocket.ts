import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import {
  BridgeError,
  MAX_BRIDGE_FRAME_BYTES,
  wireRequestSchema,
  type WireServerMessage,
} from '../../../shared/contracts';
import { sipWebSocketUrl } from '../../../shared/sip/sipWebSocket';
import { bridgeFailure } from '../bridge/bridgeFailure';
import type { BridgeHub } from '../bridge/bridgeHub';

/** Serves one page's bridge over its WebSocket: JSON requests in, results and events out. */
export function serveBridgeSocket(hub: BridgeHub, socket: WebSocket, request: IncomingMessage, page: { remote: boolean }): void {
  const query = new URL(request.url ?? '/', 'http://host').searchParams;
  const session = hub.openSession({
    macOverride: query.get('mac'),
    accountOverride: query.get('account'),
    sipWebSocketUrl: sipWebSocketUrlFor(request),
    remote: page.remote,
  });
  const send = (message: WireServerMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const unsubscribe = session.onEvent((event) => send({ type: 'event', name: event.name, payload: event.payload }));

  socket.on('message', (data, isBinary) => {
    const reply = (id: number, error: BridgeError) => send({ type: 'result', id, ok: false, error: error.toJSON() });
    if (isBinary) return reply(-1, new BridgeError('bad-request', 'Bridge messages are JSON text frames'));
    let frame: unknown;
    try {
      frame = JSON.parse(data.toString());
    } catch {
      return reply(-1, new BridgeError('bad-request', 'Bridge message is not valid JSON'));
    }
    const parsed = wireRequestSchema.safeParse(frame);
    if (!parsed.success) {
      const id = typeof (frame as { id?: unknown })?.id === 'number' ? (frame as { id: number }).id : -1;
      return reply(id, new BridgeError('bad-request', 'Bridge message must be {type:"request", id, name, args:[]}'));
    }
    const { id, name, args } = parsed.data;
    session.invoke(name, args).then(
      (result) => send({ type: 'result', id, ok: true, result }),
      (error: unknown) => reply(id, bridgeFailure(error, `bridge request ${name}`)),
    );
  });
  // ws reports protocol violations (an oversized frame, say) here after closing the socket with the right code.
  socket.on('error', () => undefined);
  socket.on('close', () => {
    unsubscribe();
    session.close();
  });
}

/** The PBX's SIP WebSocket as the page sees it: same host (checked against the allow-list) and scheme family. */
function sipWebSocketUrlFor(request: IncomingMessage): string {
  const secure = 'encrypted' in request.socket && Boolean(request.socket.encrypted);
  return sipWebSocketUrl(secure, request.headers.host ?? '127.0.0.1');
}

export const BRIDGE_SOCKET_OPTIONS = { maxPayload: MAX_BRIDGE_FRAME_BYTES };
