import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { ApiError } from './http/apiError';
import type { AdminSession } from './session/adminSessions';

export const API_PREFIX = '/api/v1';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestContext<B> {
  req: IncomingMessage;
  res: ServerResponse;
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  /** The validated body (undefined for routes without one). */
  body: B;
  /** The authenticated admin user (empty for public routes). */
  actor: string;
  /** The console session the request came with; null for HTTP Basic and public routes. */
  session: AdminSession | null;
}

/** A JSON answer, a text answer (CSV), or `streaming` when the handler owns the response (server-sent events). */
export type Reply =
  | { status: number; json?: unknown; headers?: Record<string, string> }
  | { status: number; text: string; contentType: string; headers?: Record<string, string> }
  | { streaming: true };

export interface Route<B = unknown> {
  method: HttpMethod;
  /** OpenAPI-style template, e.g. `/api/v1/devices/{name}`. */
  path: string;
  /** Reachable without credentials (only the OpenAPI document). */
  public?: boolean;
  /** The JSON body schema; the body is required when set. */
  body?: z.ZodType<B>;
  handle(context: RequestContext<B>): Promise<Reply> | Reply;
}

/** Keeps the body type of a route's schema and handler together, then erases it for the route table. */
export function route<B = undefined>(definition: Route<B>): Route {
  return definition as unknown as Route;
}

interface Compiled {
  route: Route;
  pattern: RegExp;
  names: string[];
}

export type Match = { kind: 'route'; route: Route; params: Record<string, string> } | { kind: 'method'; allowed: HttpMethod[] } | { kind: 'none' };

/** Matches a method and path against the route table (405 material when only the method is wrong). */
export class Router {
  private readonly compiled: Compiled[];

  constructor(readonly routes: readonly Route[]) {
    this.compiled = routes.map((entry) => {
      const names: string[] = [];
      const source = entry.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([a-zA-Z]+)\}/g, (_whole, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
      return { route: entry, pattern: new RegExp(`^${source}$`), names };
    });
  }

  match(method: string, pathname: string): Match {
    const allowed: HttpMethod[] = [];
    for (const entry of this.compiled) {
      const found = entry.pattern.exec(pathname);
      if (!found) continue;
      if (entry.route.method !== method) {
        allowed.push(entry.route.method);
        continue;
      }
      const params: Record<string, string> = {};
      entry.names.forEach((name, index) => {
        params[name] = decodeSegment(found[index + 1] ?? '');
      });
      return { kind: 'route', route: entry.route, params };
    }
    return allowed.length > 0 ? { kind: 'method', allowed } : { kind: 'none' };
  }
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new ApiError(400, 'bad-request', 'The request path is not validly percent-encoded');
  }
}
