import type { ServerResponse } from 'node:http';
import type { ApiError } from './apiError';

const SECURITY_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
} as const;

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  if (status === 204) {
    res.writeHead(204, { ...SECURITY_HEADERS, ...headers }).end();
    return;
  }
  const text = JSON.stringify(body);
  res
    .writeHead(status, {
      ...SECURITY_HEADERS,
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(text)),
      ...headers,
    })
    .end(text);
}

export function sendText(res: ServerResponse, status: number, contentType: string, text: string, headers: Record<string, string> = {}): void {
  res
    .writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': contentType, 'Content-Length': String(Buffer.byteLength(text)), ...headers })
    .end(text);
}

export function sendError(res: ServerResponse, error: ApiError): void {
  sendJson(res, error.status, error.toBody(), error.extra.headers ?? {});
}
