import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createSecureServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { BRIDGE_PATH, CONSOLE_PATH } from '../../../shared/contracts';
import { contentSecurityPolicy, createStaticHandler, staticPathOf, webSocketOrigin } from '../../common';
import type { BridgeHub } from '../bridge/bridgeHub';
import { isWildcard, listenOrigins, normaliseAddress, type Interfaces } from './addresses';
import { BRIDGE_SOCKET_OPTIONS, serveBridgeSocket } from './bridgeSocket';
import { allowedHostNames, HostAllowList } from './hostAllowList';
import { PageSecret } from './pageSecret';
import { UpgradeRouter } from './upgradeRouter';
import { refuseHttp, refuseUpgrade, WebAccess } from './webAccess';

export interface WebHostOptions {
  hub: BridgeHub;
  rendererDir: string;
  host: string;
  port: number;
  tls?: { cert: string; key: string } | null;
  /** Answers the PBX's HTTP paths (admin API, provisioning documents); false leaves the request to the renderer. */
  handleHttp?(request: IncomingMessage, response: ServerResponse): boolean;
  /** DNS names of this machine that clients may put in Host, besides the addresses it listens on. */
  serverNames?: readonly string[];
  /** Device pages and the bridge for other machines too (README, "Security model"). */
  allowRemoteDevices?: boolean;
  /** PBX WebSocket origins the pages may connect to besides this host's own (a manual account's server, say). */
  connectOrigins?(): readonly string[];
  /** The machine's network interfaces (tests); os.networkInterfaces() by default. */
  interfaces?: Interfaces;
}

export interface WebHost {
  readonly server: Server;
  readonly upgrades: UpgradeRouter;
  /** Where this machine opens its own device page (loopback when the host listens there). */
  readonly origin: string;
  /** Where other machines reach the host: a real address, never 0.0.0.0. */
  readonly publicOrigin: string;
  close(): Promise<void>;
}

/** The HTTP server that serves the renderer and its bridge; the PBX adds its own routes and WebSocket paths to it. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const secure = Boolean(options.tls);
  let port = options.port;
  const secret = new PageSecret(() => port, secure);
  const hostNames = allowedHostNames(options.host, options.serverNames ?? [], options.interfaces);
  const hosts = new HostAllowList(hostNames, () => port, secure);
  const access = new WebAccess({ hosts, secret, secure, allowRemoteDevices: options.allowRemoteDevices ?? false });
  let origins = { local: '', public: '' };

  // The page reaches the PBX at its own host (already checked) or at the public address provisioning hands out.
  const pageHeaders = (request: IncomingMessage, isPage: boolean) => {
    // The console talks to the admin API of this host alone, and gets no bridge secret.
    if (isConsolePage(request)) return { 'Content-Security-Policy': contentSecurityPolicy([]) };
    const own = [`${secure ? 'https' : 'http'}://${request.headers.host}`, origins.public].map(webSocketOrigin);
    const connect = [...own, ...(options.connectOrigins?.() ?? [])].filter((origin): origin is string => origin !== null);
    return { 'Content-Security-Policy': contentSecurityPolicy(connect), ...(isPage ? { 'Set-Cookie': secret.setCookieHeader() } : {}) };
  };
  const serveStatic = createStaticHandler(options.rendererDir, pageHeaders, (urlPath) => (urlPath === CONSOLE_PATH ? 'admin.html' : 'index.html'));
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const refusal = access.httpRefusal(request);
    if (refusal) return refuseHttp(response, refusal);
    if (options.handleHttp?.(request, response)) return;
    // The console page and the built scripts and styles hold no secret; the console reaches the API with its sign-in.
    const pageRefusal = isConsolePage(request) || isBuiltAsset(request) ? null : access.pageRefusal(request);
    if (pageRefusal) return refuseHttp(response, pageRefusal);
    serveStatic(request, response);
  };
  const server: Server = options.tls
    ? createSecureServer({ cert: readFileSync(options.tls.cert), key: readFileSync(options.tls.key) }, handle)
    : createServer(handle);
  const upgrades = new UpgradeRouter(server, (request) => access.hostRefusal(request));
  const bridgeSockets = new WebSocketServer({ noServer: true, ...BRIDGE_SOCKET_OPTIONS });
  upgrades.add(BRIDGE_PATH, (request, socket, head) => {
    const refusal = access.bridgeRefusal(request);
    if (refusal) return refuseUpgrade(socket, refusal);
    const remote = access.isRemote(request);
    bridgeSockets.handleUpgrade(request, socket, head, (ws) => serveBridgeSocket(options.hub, ws, request, { remote }));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  port = address.port;
  // Listening on a name (--host kiosk.lan), the address it resolved to is this host's too.
  if (!isWildcard(address.address)) hostNames.add(normaliseAddress(address.address));
  origins = listenOrigins(address.address, port, secure, options.interfaces);
  return {
    server,
    upgrades,
    origin: origins.local,
    publicOrigin: origins.public,
    async close() {
      for (const client of bridgeSockets.clients) client.terminate();
      bridgeSockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The file path a request names, as the static handler will serve it (so `/assets/..%2findex.html` is `/index.html`). */
function pathnameOf(request: IncomingMessage): string {
  return staticPathOf(request.url ?? '/') ?? '';
}

function isConsolePage(request: IncomingMessage): boolean {
  return pathnameOf(request) === CONSOLE_PATH;
}

/** Vite puts every built script, style and image under /assets/. */
function isBuiltAsset(request: IncomingMessage): boolean {
  return pathnameOf(request).startsWith('/assets/');
}
