import type { IncomingMessage, ServerResponse } from 'node:http';
import { PROVISIONING_PATH_PREFIX, tokenFromProvisioningPath } from '../../../shared/sip/plugAndPlay';
import type { ProvisioningDocument } from '../../../shared/sip/provisioningDocument';

/** Where the device reached the PBX's HTTP server: its SIP WebSocket is expected at the same address. */
export interface RequestOrigin {
  /** `host[:port]` as the device wrote it in Host. */
  host: string;
  secure: boolean;
}

export interface ProvisioningHttpDeps {
  /** The document of the device this token belongs to, null for an unknown token. Throws if it cannot be built. */
  documentForToken(token: string, origin: RequestOrigin | null): ProvisioningDocument | null;
  onError?(error: unknown): void;
}

const HOST_HEADER = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]{1,253})(:[0-9]{1,5})?$/;

/**
 * `GET|HEAD /provisioning/<token>.json`: the device's document with a strong ETag; `If-None-Match` → 304;
 * `Cache-Control: no-store` (it holds credentials). An unknown or malformed token gets the same bare 404 as any
 * other missing page, so tokens cannot be probed. Returns false for paths outside `/provisioning/`.
 */
export function createProvisioningHttp(deps: ProvisioningHttpDeps): (request: IncomingMessage, response: ServerResponse) => boolean {
  return (request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://pbx.invalid').pathname;
    if (!pathname.startsWith(PROVISIONING_PATH_PREFIX)) return false;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      plain(response, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
      return true;
    }
    const token = tokenFromProvisioningPath(pathname);
    let document: ProvisioningDocument | null;
    try {
      document = token === null ? null : deps.documentForToken(token, originOf(request));
    } catch (error) {
      (deps.onError ?? ((problem: unknown) => console.error('provisioning document failed:', problem)))(error);
      plain(response, 500, 'The provisioning document could not be built; see the PBX log');
      return true;
    }
    if (document === null) {
      plain(response, 404, 'Not found');
      return true;
    }
    const etag = `"${document.etag}"`;
    const common = { ETag: etag, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
    if (ifNoneMatch(request.headers['if-none-match'], etag)) {
      response.writeHead(304, common).end();
      return true;
    }
    const body = Buffer.from(JSON.stringify(document));
    response.writeHead(200, { ...common, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length });
    response.end(request.method === 'HEAD' ? undefined : body);
    return true;
  };
}

/** RFC 9110 §13.1.2: `*` or a list of entity tags, compared weakly (a `W/` prefix is ignored) for GET and HEAD. */
function ifNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}

function originOf(request: IncomingMessage): RequestOrigin | null {
  const host = request.headers.host;
  if (host === undefined || !HOST_HEADER.test(host)) return null;
  return { host, secure: 'encrypted' in request.socket && request.socket.encrypted === true };
}

function plain(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers }).end(text);
}
