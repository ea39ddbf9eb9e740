import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HotDesk } from '../core';
import type { AdminCredentials } from './adminCredentials';
import { createApiContext, type AdminApiHooks, type PromptAdmin } from './apiContext';
import { EventStreams } from './eventStream';
import { ApiError, toApiError, validationError } from './http/apiError';
import { DEFAULT_MAX_BODY_BYTES, readJsonBody } from './http/readBody';
import { sendError, sendJson, sendText } from './http/respond';
import { buildOpenApiDocument } from './openapi/openApiDocument';
import { createAuthGuard, refuseCrossSite, requireConsoleHeader } from './requestGuards';
import { API_PREFIX, route, Router, type Reply, type Route } from './router';
import { deviceRoutes } from './routes/deviceRoutes';
import { emergencyRoutes } from './routes/emergencyRoutes';
import { changePayload, eventRoutes } from './routes/eventRoutes';
import { extensionRoutes } from './routes/extensionRoutes';
import { phoneRoutes } from './routes/phoneRoutes';
import { promptRoutes } from './routes/promptRoutes';
import { sessionRoutes } from './routes/sessionRoutes';
import { AdminSessions } from './session/adminSessions';
import { systemRoutes } from './routes/systemRoutes';

export type { PromptAdmin } from './apiContext';

export interface AdminApiDeps {
  hotDesk: HotDesk;
  credentials: AdminCredentials;
  /** The system prompt set (installed vs required, Update). */
  prompts: PromptAdmin;
  hooks?: AdminApiHooks;
  /** Interval of the server-sent-event heartbeat comment (15 s). */
  heartbeatMs?: number;
  /** Largest accepted request body (64 KiB). */
  maxBodyBytes?: number;
  maxEventStreams?: number;
  /** Failed logins per address per minute before 429 (10). */
  maxAuthFailures?: number;
  /** A console session ends after this long without a request (30 minutes). */
  sessionIdleMs?: number;
  now?: () => number;
}

/** The admin API as a request handler; `close()` ends the event streams and stops listening for changes. */
export interface AdminApiHandler {
  (req: IncomingMessage, res: ServerResponse): boolean;
  readonly routes: readonly Route[];
  close(): void;
}

export function isAdminApiPath(pathname: string): boolean {
  return pathname === API_PREFIX || pathname.startsWith(`${API_PREFIX}/`);
}

/**
 * The REST API under /api/v1. Returns a handler that answers and returns true for paths under
 * /api/v1 and returns false (touching nothing) for any other path, so it can be mounted in front of another handler.
 */
export function createAdminApi(deps: AdminApiDeps): AdminApiHandler {
  const now = deps.now ?? Date.now;
  const streams = new EventStreams({ heartbeatMs: deps.heartbeatMs, maxClients: deps.maxEventStreams });
  const sessions = new AdminSessions({ now, idleMs: deps.sessionIdleMs });
  const guard = createAuthGuard({ credentials: deps.credentials, sessions, now, maxFailures: deps.maxAuthFailures });
  const context = createApiContext(deps.hotDesk, deps.hooks ?? {}, streams, deps.prompts);
  let openApiDocument: Record<string, unknown> | null = null;
  const routes: Route[] = [
    route({
      method: 'GET',
      path: `${API_PREFIX}/openapi.json`,
      public: true,
      handle: () => ({ status: 200, json: (openApiDocument ??= buildOpenApiDocument()) }),
    }),
    ...deviceRoutes(context),
    ...phoneRoutes(context),
    ...extensionRoutes(context),
    ...systemRoutes(context),
    ...promptRoutes(context),
    ...eventRoutes(context),
    ...sessionRoutes(guard, sessions),
    ...emergencyRoutes(context),
  ];
  const router = new Router(routes);
  const maxBodyBytes = deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const unsubscribe = deps.hotDesk.changes.subscribe((change) => streams.broadcast(change.type, changePayload(context, change)));
  const stopEndingStreams = sessions.onEnded((key) => streams.endSession(key));
  // Idle sessions are ended on a timer too, so a console left open loses its event stream when its session expires.
  const sweeper = setInterval(() => sessions.sweep(), Math.min(60_000, sessions.idleTimeoutMs));
  sweeper.unref();

  async function serve(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const match = router.match(req.method ?? '', url.pathname);
    const auth = match.kind === 'route' && match.route.public ? null : await guard.authenticate(req);
    if (match.kind === 'none') throw new ApiError(404, 'not-found', `No such API path: ${url.pathname.slice(0, 120)}`);
    if (match.kind === 'method') {
      throw new ApiError(405, 'method-not-allowed', `${req.method} is not allowed here; use ${match.allowed.join(', ')}`, {
        headers: { Allow: match.allowed.join(', ') },
      });
    }
    refuseCrossSite(req);
    requireConsoleHeader(req, auth);
    let body: unknown = undefined;
    if (match.route.body) {
      const raw = await readJsonBody(req, maxBodyBytes);
      if (raw === undefined) throw new ApiError(400, 'validation', 'This request needs a JSON body', { fields: [{ field: 'body', message: 'required' }] });
      const parsed = match.route.body.safeParse(raw);
      if (!parsed.success) throw validationError('body', parsed.error);
      body = parsed.data;
    }
    const reply = await match.route.handle({ req, res, params: match.params, query: url.searchParams, body, actor: auth?.user ?? '', session: auth?.session ?? null });
    send(res, reply);
  }

  const handler = ((req: IncomingMessage, res: ServerResponse): boolean => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://admin.invalid');
    } catch {
      return false;
    }
    if (!isAdminApiPath(url.pathname)) return false;
    serve(req, res, url).catch((error: unknown) => {
      const apiError = toApiError(error);
      if (!apiError) console.error(`admin API: ${req.method} ${url.pathname} failed:`, error);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendError(res, apiError ?? new ApiError(500, 'internal', 'The request failed inside the PBX; see its log'));
    });
    return true;
  }) as AdminApiHandler;
  Object.defineProperty(handler, 'routes', { value: routes });
  handler.close = () => {
    clearInterval(sweeper);
    stopEndingStreams();
    unsubscribe();
    streams.close();
  };
  return handler;
}

function send(res: ServerResponse, reply: Reply): void {
  if ('streaming' in reply) return;
  if ('text' in reply) sendText(res, reply.status, reply.contentType, reply.text, reply.headers);
  else sendJson(res, reply.status, reply.json, reply.headers);
}
