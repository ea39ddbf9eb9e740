import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { refuseUpgrade, type Refusal } from './webAccess';

export type UpgradeHandler = (request: IncomingMessage, socket: Duplex, head: Buffer) => void;

/**
 * Sends each WebSocket upgrade to the handler registered for its path (`/bridge`, `/sip`); others get 404. `guard`
 * runs first for every path (the Host check), so no handler sees a request it refuses.
 */
export class UpgradeRouter {
  private readonly routes = new Map<string, UpgradeHandler>();

  constructor(server: Server, guard: (request: IncomingMessage) => Refusal | null) {
    server.on('upgrade', (request, socket, head) => {
      const refusal = guard(request);
      if (refusal) return refuseUpgrade(socket, refusal);
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
