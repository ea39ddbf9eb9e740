import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createSecureServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { BRIDGE_PATH } from '../../../shared/contracts';
import type { BridgeHub } from '../bridge/bridgeHub';
import { BRIDGE_SOCKET_OPTIONS, serveBridgeSocket } from './bridgeSocket';
import { createStaticHandler } from './staticFiles';
import { isSameOrigin, UpgradeRouter } from './upgradeRouter';

export interface WebHostOptions {
  hub: BridgeHub;
  rendererDir: string;
  host: string;
  port: number;
  tls?: { cert: string; key: string } | null;
  /** Answers the PBX's HTTP paths (admin API, provisioning documents); false leaves the request to the renderer. */
  handleHttp?(request: IncomingMessage, response: ServerResponse): boolean;
}

export interface WebHost {
  readonly server: Server;
  readonly upgrades: UpgradeRouter;
  readonly origin: string;
  close(): Promise<void>;
}

/** The HTTP server that serves the renderer and its bridge; the PBX adds its own routes and WebSocket paths to it. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const serveStatic = createStaticHandler(options.rendererDir);
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    if (options.handleHttp?.(request, response)) return;
    serveStatic(request, response);
  };
  const server: Server = options.tls
    ? createSecureServer({ cert: readFileSync(options.tls.cert), key: readFileSync(options.tls.key) }, handle)
    : createServer(handle);
  const upgrades = new UpgradeRouter(server);
  const bridgeSockets = new WebSocketServer({ noServer: true, ...BRIDGE_SOCKET_OPTIONS });
  upgrades.add(BRIDGE_PATH, (request, socket, head) => {
    if (!isSameOrigin(request)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    bridgeSockets.handleUpgrade(request, socket, head, (ws) => serveBridgeSocket(options.hub, ws, request));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    upgrades,
    origin: `${options.tls ? 'https' : 'http'}://${hostForUrl}:${address.port}`,
    async close() {
      for (const client of bridgeSockets.clients) client.terminate();
      bridgeSockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
