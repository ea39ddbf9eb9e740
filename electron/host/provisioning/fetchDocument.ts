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

/**
 * GETs a provisioning document with `If-None-Match: <etag>`, proving the device key: 304 → not-modified; 200 → the
 * validated document. Only http(s) URLs are fetched. Anything else throws an Error whose message says what went wrong
 * ("Provisioning server answered 404"), for the host's log; the bridge shows a fixed summary (documentView.ts).
 */
export async function fetchProvisioningDocument(url: string, etag: string | null, options: FetchOptions): Promise<FetchOutcome> {
  if (!isHttpUrl(url)) throw new Error('A provisioning URL must be an http:// or https:// URL without credentials');
  const doFetch = options.fetch ?? globalThis.fetch;
  let response: Response;
  try {
    response = await doFetch(url, {
      headers: {
        Accept: 'application/json',
        ...(etag ? { 'If-None-Match': `"${etag}"` } : {}),
        ...deviceRequestHeaders(options.deviceKey, 'GET', url),
      },
      redirect: 'error',
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
  } catch (error) {
    throw new Error(`Provisioning server unreachable (${reasonOf(error)})`, { cause: error });
  }
  if (response.status === 304) return { kind: 'not-modified' };
  if (response.status !== 200) {
    await response.body?.cancel().catch(() => undefined);
    const message = `Provisioning server answered ${response.status}`;
    throw GONE_STATUSES.has(response.status) ? new DocumentGoneError(message) : new Error(message);
  }
  const text = await readLimited(response, options.maxBytes ?? DEFAULT_MAX_BYTES);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error('Provisioning document is not JSON', { cause: error });
  }
  const checked = checkProvisioningDocument(json);
  if (!checked.ok) throw new Error(checked.error);
  return { kind: 'document', document: checked.document, etag: checked.document.etag };
}

async function readLimited(response: Response, maxBytes: number): Promise<string> {
  const tooLarge = () => new Error(`Provisioning document too large (over ${maxBytes} bytes)`);
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
