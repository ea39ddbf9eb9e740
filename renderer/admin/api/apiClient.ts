import { CONSOLE_REQUEST_HEADER, type ApiErrorBody } from '../../../shared/contracts';

export const API_BASE = '/api/v1';

/** A failed API request: the status, the API's error code and message, and the message for each named field. */
export class ConsoleApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Field path (`sbc.port`) → message, from the API's validation error shape. */
    readonly fields: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ConsoleApiError';
  }

  /** The message for `field` or any field below it (`options` also takes `options.location`). */
  fieldError(field: string): string | null {
    if (this.fields[field] !== undefined) return this.fields[field];
    const nested = Object.keys(this.fields).find((name) => name.startsWith(`${field}.`));
    return nested === undefined ? null : `${nested.slice(field.length + 1)}: ${this.fields[nested]}`;
  }
}

/** Turns an error answer into a ConsoleApiError; a body that is not the API's error shape keeps the HTTP status text. */
export function toConsoleApiError(status: number, statusText: string, body: unknown): ConsoleApiError {
  const error = (body as Partial<ApiErrorBody> | null)?.error;
  if (!error || typeof error.message !== 'string') return new ConsoleApiError(status, 'http', `${status} ${statusText}`.trim());
  const fields: Record<string, string> = {};
  for (const issue of error.fields ?? []) fields[issue.field] ??= issue.message;
  return new ConsoleApiError(status, String(error.code), error.message, fields);
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ConsoleApi {
  request<T>(method: Method, path: string, body?: unknown): Promise<T>;
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
  delete<T = void>(path: string): Promise<T>;
}

export interface ConsoleApiOptions {
  fetch?: typeof fetch;
  /** Called when a request is answered 401: the session ended (sign-out elsewhere, idle timeout, restart). */
  onUnauthorized?(): void;
}

/**
 * The console's only way to the admin API: JSON in and out, the session cookie (same origin), the console header on
 * every request, and errors as ConsoleApiError.
 */
export function createConsoleApi(options: ConsoleApiOptions = {}): ConsoleApi {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await doFetch(`${API_BASE}${path}`, {
        method,
        credentials: 'same-origin',
        headers: { [CONSOLE_REQUEST_HEADER]: '1', Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ConsoleApiError(0, 'network', 'The PBX cannot be reached; check the connection and retry');
    }
    const text = await response.text();
    const parsed = parseJson(text);
    if (!response.ok) {
      if (response.status === 401 && path !== '/session') options.onUnauthorized?.();
      throw toConsoleApiError(response.status, response.statusText, parsed);
    }
    return parsed as T;
  }
  return {
    request,
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body),
    patch: (path, body) => request('PATCH', path, body),
    put: (path, body) => request('PUT', path, body),
    delete: (path) => request('DELETE', path),
  };
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
