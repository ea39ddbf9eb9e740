import WebSocket from 'ws';
import type { Flow } from '../../sip';

export interface SipSocketHandlers {
  onOpen(): void;
  onMessage(text: string): void;
  /** Once, when the socket closed or failed to open. */
  onClose(reason: string): void;
}

/** A client SIP WebSocket (RFC 7118), as the transaction layer's Flow. */
export interface SipSocket extends Flow {
  readonly url: string;
}

export type SipSocketFactory = (url: string, handlers: SipSocketHandlers) => SipSocket;

let nextId = 1;

/** Opens a SIP WebSocket (subprotocol `sip`) with `ws`. */
export const openWsSipSocket: SipSocketFactory = (url, handlers) => {
  const target = new URL(url);
  const socket = new WebSocket(url, 'sip', { handshakeTimeout: 10_000, maxPayload: 64 * 1024 });
  let closed = false;
  const closeOnce = (reason: string) => {
    if (closed) return;
    closed = true;
    handlers.onClose(reason);
  };
  socket.on('open', () => handlers.onOpen());
  socket.on('message', (data, isBinary) => {
    if (!isBinary) handlers.onMessage(data.toString());
  });
  socket.on('error', (error) => closeOnce(error.message));
  socket.on('close', (code) => closeOnce(`closed (${code})`));
  return {
    id: `pnp-${nextId++}`,
    url,
    remoteAddress: target.hostname,
    remotePort: Number(target.port || (target.protocol === 'wss:' ? 443 : 80)),
    secure: target.protocol === 'wss:',
    send(message) {
      if (socket.readyState !== WebSocket.OPEN) return false;
      socket.send(message);
      return true;
    },
    close() {
      socket.close(1000);
    },
  };
};
