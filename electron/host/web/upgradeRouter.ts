import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';

export type UpgradeHandler = (request: IncomingMessage, socket: Duplex, head: Buffer) => void;

/** Sends each WebSocket upgrade to the handler registered for its path (`/bridge`, `/sip`); others get 404. */
export class UpgradeRouter {
  private readonly routes = new Map<string, UpgradeHandler>();

  constructor(server: Server) {
    server.on('upgrade', (request, socket, head) => {
      const pathname = new URL(request.url ?? '/', 'http://host').pathname;
      const handler = this.routes.get(pathname);
      if (handler) handler(request, socket, head);
      else socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
    });
  }

  add(pathname: string, handler: UpgradeHandler): void {
    this.routes.set(pathname, handler);
  }
}

/** A WebSocket from a page of another site must not drive this device (cross-site WebSocket hijacking). */
export function isSameOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true; // not a browser: a local tool or test client
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
