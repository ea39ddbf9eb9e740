import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { CliError, isLoopback } from '../common';
import { parsePbxCliOptions } from './cliOptions';
import { createConsolePage } from './consolePage';
import { SIP_PATH, sipWebSocketUrl } from '../../shared/sip/sipWebSocket';
import { CONSOLE_PATH } from '../../shared/contracts';
import { startPbx } from './server';

const PLAIN_HTTP_REFUSAL = `Over plain HTTP this PBX serves other machines SIP (${SIP_PATH}) only, and the rest over HTTPS only: start it with --tls-cert and --tls-key (README, "Security model")`;

/** `npm run pbx`: the embedded PBX on its own, for a site without a kiosk or for tests against a separate process. */
export async function runHeadlessPbx(argv: readonly string[]): Promise<void> {
  const options = parsePbxCliOptions(argv, process.env);
  let publicBaseUrl = '';
  const pbx = await startPbx({
    mode: options.mode,
    dataDir: path.join(options.dataDir, 'pbx'),
    host: options.host,
    publicBaseUrl: () => publicBaseUrl,
    originHosts: options.originHosts,
  });
  for (const warning of pbx.warnings) console.warn(`Warning: ${warning}`);
  if (pbx.generatedAdminPassword) console.log(`Admin API: user admin, password ${pbx.generatedAdminPassword} (shown once)`);
  const secure = options.tls !== null;
  const serveConsole = createConsolePage();
  const onRequest = (request: IncomingMessage, response: ServerResponse) => {
    // The console's password, the admin API and the provisioning documents' HA1s cross the LAN only inside TLS.
    if (!secure && !isLoopback(request.socket.remoteAddress ?? '')) {
      response.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' }).end(PLAIN_HTTP_REFUSAL);
      return;
    }
    if (pbx.handleHttp(request, response) || serveConsole(request, response)) return;
    response.writeHead(404, { 'Content-Type': 'text/plain' }).end(`SIP over WebSocket is at ${SIP_PATH}`);
  };
  const server: Server = options.tls
    ? createHttpsServer({ cert: readFileSync(options.tls.cert), key: readFileSync(options.tls.key) }, onRequest)
    : createHttpServer(onRequest);
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (new URL(request.url ?? '/', 'http://pbx').pathname === SIP_PATH) pbx.handleSipUpgrade(request, socket, head, secure);
    else socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  publicBaseUrl = `${secure ? 'https' : 'http'}://${options.host}:${port}`;
  console.log(`Hotdesk PBX (${options.mode} mode, domain ${pbx.domain}) listening on ${sipWebSocketUrl(secure, `${options.host}:${port}`)}`);
  console.log(`Management console: ${publicBaseUrl}${CONSOLE_PATH}`);
  const stop = () => {
    void pbx.stop().finally(() => {
      server.closeAllConnections();
      server.close(() => process.exit(0));
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runHeadlessPbx(process.argv.slice(2)).catch((error: unknown) => {
    if (error instanceof CliError) console.error(`hotdesk pbx: ${error.message}`);
    else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') console.error('hotdesk pbx: the port is already in use (--port)');
    else console.error('hotdesk pbx: failed to start:', error);
    process.exit(1);
  });
}
