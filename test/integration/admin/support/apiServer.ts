import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Mode } from '../../../../shared/contracts';
import { createAdminApi, type AdminApiHandler } from '../../../../electron/pbx/admin/adminApi';
import { initAdminCredentials } from '../../../../electron/pbx/admin/adminCredentials';
import type { AdminApiHooks } from '../../../../electron/pbx/admin/apiContext';
import type { HotDesk } from '../../../../electron/pbx/core/hotdesk/hotDesk';
import { PromptInstallation } from '../../../../electron/pbx/media/promptInstallation';
import { TEST_SCRYPT_COST } from '../../../support/scryptCost';
import { makeHotDesk } from '../../../unit/pbx/hotdesk/support';

/** The prompt set shipped with the PBX. */
export const BUNDLED_PROMPTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../assets/prompts');

export const ADMIN = `Basic ${Buffer.from('admin:admin').toString('base64')}`;

export interface Exchange {
  method: string;
  path: string;
  requestBody: unknown;
  status: number;
  contentType: string;
  responseBody: unknown;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export interface ApiServer {
  origin: string;
  hotDesk: HotDesk;
  api: AdminApiHandler;
  prompts: PromptInstallation;
  /** Every request sent through `request`, with its answer (the OpenAPI test checks them against the document). */
  exchanges: Exchange[];
  request(method: string, path: string, options?: { body?: unknown; auth?: string | null; headers?: Record<string, string>; rawBody?: string }): Promise<ApiResponse>;
  stop(): Promise<void>;
}

/**
 * The admin API over the in-memory hot-desk domain, mounted in front of a 404 handler on 127.0.0.1:0. Its prompt set is
 * installed under a temporary directory (`installedPromptsDir`, absent at first: the bundled set plays).
 */
export async function startApiServer(
  options: { mode?: Mode; licence?: 'demo' | 'none'; hooks?: AdminApiHooks; heartbeatMs?: number; maxAuthFailures?: number; now?: () => number; prepareInstalledPrompts?: (dir: string) => void } = {},
): Promise<ApiServer> {
  const promptsRoot = mkdtempSync(path.join(tmpdir(), 'hotdesk-api-prompts-'));
  const installedDir = path.join(promptsRoot, 'prompts');
  options.prepareInstalledPrompts?.(installedDir);
  const prompts = new PromptInstallation({ bundledDir: BUNDLED_PROMPTS_DIR, installedDir });
  const { hotDesk } = await makeHotDesk({ mode: options.mode ?? 'demo', licence: options.licence ?? 'demo' });
  const { credentials } = await initAdminCredentials({ store: hotDesk.store.admin, mode: 'demo', cost: TEST_SCRYPT_COST });
  const api = createAdminApi({
    hotDesk,
    credentials,
    prompts,
    hooks: options.hooks,
    heartbeatMs: options.heartbeatMs,
    maxAuthFailures: options.maxAuthFailures ?? 1000,
    now: options.now,
  });
  const server: Server = createServer((req, res) => {
    if (!api(req, res)) res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not the API');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const exchanges: Exchange[] = [];
  return {
    origin,
    hotDesk,
    api,
    prompts,
    exchanges,
    async request(method, path, requestOptions = {}) {
      const auth = requestOptions.auth === undefined ? ADMIN : requestOptions.auth;
      const hasBody = requestOptions.body !== undefined || requestOptions.rawBody !== undefined;
      const response = await fetch(`${origin}${path}`, {
        method,
        headers: {
          ...(auth ? { Authorization: auth } : {}),
          ...(hasBody ? { 'Content-Type': 'application/json' } : {}),
          ...requestOptions.headers,
        },
        body: requestOptions.rawBody ?? (requestOptions.body === undefined ? undefined : JSON.stringify(requestOptions.body)),
      });
      const text = await response.text();
      const contentType = response.headers.get('content-type') ?? '';
      const json = contentType.startsWith('application/json') ? (JSON.parse(text) as unknown) : undefined;
      exchanges.push({ method, path, requestBody: requestOptions.body, status: response.status, contentType, responseBody: json ?? text });
      return { status: response.status, headers: response.headers, text, json };
    },
    async stop() {
      api.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await credentials.settled(); // as the PBX stops: the demo password being stored first
      await hotDesk.close();
      rmSync(promptsRoot, { recursive: true, force: true });
    },
  };
}
