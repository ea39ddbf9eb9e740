import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type PbxOptions, startPbx, type Pbx } from '../../../electron/pbx/server';
import { SIP_PATH, sipWebSocketUrl } from '../../../shared/sip/sipWebSocket';

export interface TestPbx {
  pbx: Pbx;
  origin: string;
  wsUrl: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * The real embedded PBX (demo mode unless `overrides.mode` says otherwise) behind a real HTTP server on a loopback
 * port: SIP WebSocket, admin API and provisioning. `overrides` of the PBX's options, e.g. `localDeviceKey`: the device
 * host key the demo devices are enrolled to (none by default), or `dataDir` to start again on the data of an earlier
 * one; `port` (a free one by default), e.g. to come back on the address of an earlier one.
 */
export async function startTestPbx(overrides: Partial<PbxOptions> & { port?: number } = {}): Promise<TestPbx> {
  const { port: wantedPort = 0, ...options } = overrides;
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'hotdesk-pbx-it-'));
  let origin = '';
  const pbx = await startPbx({ mode: 'demo', host: '127.0.0.1', publicBaseUrl: () => origin, localDeviceKey: null, ...options, dataDir });
  const server: Server = createServer((request, response) => {
    if (!pbx.handleHttp(request, response)) response.writeHead(404).end();
  });
  server.on('upgrade', (request, socket, head) => {
    if (new URL(request.url ?? '/', 'http://x').pathname === SIP_PATH) pbx.handleSipUpgrade(request, socket, head);
    else socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(wantedPort, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    pbx,
    origin,
    wsUrl: sipWebSocketUrl(false, `127.0.0.1:${port}`),
    dataDir,
    async stop() {
      await pbx.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
