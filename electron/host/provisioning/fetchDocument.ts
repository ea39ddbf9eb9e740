import { checkProvisioningDocument, type ProvisioningDocument } from '../../../shared/sip/provisioningDocument';
import type { DeviceKey } from '../identity/deviceKey';
import { deviceRequestHeaders } from './deviceRequest';
import { isHttpUrl } from './profileUrl';

/**
 * The server answered 401, 403, 404 or 410: the URL is no longer a document for this device — deleted, re-created,
 * re-enrolled to another key, or this device's key is not (or no longer) enrolled (README, "Device enrolment").
 */
export class DocumentGoneError extends Error {
  override readonly name = 'DocumentGoneError';
}

/** The request never got an HTTP answer (connection refused, DNS, timeout): worth retrying later. */
export class ProvisioningUnreachableError extends Error {
  override readonly name = 'ProvisioningUnreachableError';
}

const GONE_STATUSES = new Set([401, 403, 404, 410]);

export type FetchOutcome = { kind: 'not-modified' } | { kind: 'document'; document: ProvisioningDocument; etag: string };

export interface FetchOptions {
  /** Proves this device's key to the provisioning server (deviceRequest.ts). */
  deviceKey: DeviceKey;
  /** Node's fetch by default; tests pass a fake. */
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
  maxBytes?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_BYTES = 256 * 1024;

export interface ProvisioningRequest {
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** A JSON body (POST); sent with `Content-Type: application/json`. */
  json?: unknown;
}

/**
 * Every HTTP request the device host makes of its provisioning server — the document GET and the logout POST — goes
 * through here, so they are built the same way: http(s) URLs only, the proof of the device key, JSON accepted, no
 * redirects (a redirect could carry the request elsewhere), a timeout. Throws ProvisioningUnreachableError when there
 * is no HTTP answer.
 */
export async function sendProvisioningRequest(url: string, request: ProvisioningRequest, options: FetchOptions): Promise<Response> {
  if (!isHttpUrl(url)) throw new Error('A provisioning URL must be an http:// or https:// URL without credentials');
  const doFetch = options.fetch ?? globalThis.fetch;
  const body = request.json === undefined ? undefined : JSON.stringify(request.json);
  try {
    return await doFetch(url, {
      method: request.method,
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...request.headers,
        ...deviceRequestHeaders(options.deviceKey, request.method, url),
      },
      ...(body === undefined ? {} : { body }),
      redirect: 'error',
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
  } catch (error) {
    throw new ProvisioningUnreachableError(`Provisioning server unreachable (${reasonOf(error)})`, { cause: error });
  }
}

/**
 * GETs a provisioning document with `If-None-Match: <etag>`, proving the device key: 304 → not-modified; 200 → the
 * validated document. Anything else throws an Error whose message says what went wrong ("Provisioning server
 * answered 404"), for the host's log; the bridge shows a fixed summary (documentView.ts).
 */
export async function fetchProvisioningDocument(url: string, etag: string | null, options: FetchOptions): Promise<FetchOutcome> {
  const response = await sendProvisioningRequest(url, { method: 'GET', headers: etag ? { 'If-None-Match': `"${etag}"` } : {} }, options);
  if (response.status === 304) return { kind: 'not-modified' };
  if (response.status !== 200) throw await unexpectedStatus(response);
  const document = await readProvisioningDocument(response, options);
  return { kind: 'document', document, etag: document.etag };
}

/** The error for an answer the caller did not expect; 401, 403, 404 and 410 mean the document is gone for this device. */
export async function unexpectedStatus(response: Response, what = ''): Promise<Error> {
  await response.body?.cancel().catch(() => undefined);
  const message = `Provisioning server answered ${response.status}${what}`;
  return GONE_STATUSES.has(response.status) ? new DocumentGoneError(message) : new Error(message);
}

/** Reads, parses and validates the document in a response body (at most `maxBytes`). */
export async function readProvisioningDocument(response: Response, options: Pick<FetchOptions, 'maxBytes'> = {}): Promise<ProvisioningDocument> {
  const text = await readLimited(response, options.maxBytes ?? DEFAULT_MAX_BYTES);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error('Provisioning document is not JSON', { cause: error });
  }
  const checked = checkProvisioningDocument(json);
  if (!checked.ok) throw new Error(checked.error);
  return checked.document;
}

/** A response body as text, refused (and the transfer cancelled) once it passes `maxBytes`. */
export async function readLimited(response: Response, maxBytes: number, what = 'Provisioning document'): Promise<string> {
  const tooLarge = () => new Error(`${what} too large (over ${maxBytes} bytes)`);
  if (Number(response.headers.get('content-length') ?? '0') > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function reasonOf(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: { code?: string } }).cause;
    if (error.name === 'TimeoutError') return 'timed out';
    return cause?.code ?? error.message;
  }
  return String(error);
}
