import type { IncomingMessage, ServerResponse } from 'node:http';
import { PROVISIONING_DOCUMENT_RESOURCE } from '../../../shared/sip/plugAndPlay';
import type { ProvisioningDocument } from '../../../shared/sip/provisioningDocument';
import type { ProvisioningRoute } from './provisioningHttp';
import type { ProvisioningDevice } from './provisioningPorts';

/** Where the device reached the PBX's HTTP server: its SIP WebSocket is expected at the same address. */
export interface RequestOrigin {
  /** `host[:port]` as the device wrote it in Host. */
  host: string;
  secure: boolean;
}

const HOST_HEADER = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]{1,253})(:[0-9]{1,5})?$/;

/**
 * `GET|HEAD /provisioning/<token>.json`: the device's document with a strong ETag; `If-None-Match` → 304;
 * `Cache-Control: no-store` (it holds credentials). `build` throws when the document cannot be built (500).
 */
export function documentRoute(build: (device: ProvisioningDevice, origin: RequestOrigin | null) => ProvisioningDocument): ProvisioningRoute {
  return {
    resource: PROVISIONING_DOCUMENT_RESOURCE,
    methods: ['GET', 'HEAD'],
    handle(request, response, device) {
      const document = build(device, originOf(request));
      if (ifNoneMatch(request.headers['if-none-match'], `"${document.etag}"`)) {
        response.writeHead(304, documentHeaders(document)).end();
        return;
      }
      sendDocument(request, response, 200, document);
    },
  };
}

function documentHeaders(document: ProvisioningDocument): Record<string, string> {
  return { ETag: `"${document.etag}"`, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
}

/** A document as JSON with its strong ETag, never cached (it holds credentials); no body for HEAD. */
export function sendDocument(request: IncomingMessage, response: ServerResponse, status: number, document: ProvisioningDocument): void {
  const body = Buffer.from(JSON.stringify(document));
  response.writeHead(status, { ...documentHeaders(document), 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length });
  response.end(request.method === 'HEAD' ? undefined : body);
}

/** RFC 9110 §13.1.2: `*` or a list of entity tags, compared weakly (a `W/` prefix is ignored) for GET and HEAD. */
function ifNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}

/** Where the request reached the PBX (its Host), when that is a usable host[:port]. */
export function originOf(request: IncomingMessage): RequestOrigin | null {
  const host = request.headers.host;
  if (host === undefined || !HOST_HEADER.test(host)) return null;
  return { host, secure: 'encrypted' in request.socket && request.socket.encrypted === true };
}
