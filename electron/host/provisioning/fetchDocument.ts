import { checkProvisioningDocument, type ProvisioningDocument } from '../../../shared/sip/provisioningDocument';

/** The server answered 404 or 410: the URL is no longer a document (the device was deleted or re-created). */
export class DocumentGoneError extends Error {
  override readonly name = 'DocumentGoneError';
}

export type FetchOutcome = { kind: 'not-modified' } | { kind: 'document'; document: ProvisioningDocument; etag: string };

export interface FetchOptions {
  /** Node's fetch by default; tests pass a fake. */
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
  maxBytes?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_BYTES = 256 * 1024;

/**
 * GETs a provisioning document with `If-None-Match: <etag>`: 304 → not-modified; 200 → the validated document.
 * Anything else throws an Error whose message is fit for the phone's display ("Provisioning server answered 404").
 */
export async function fetchProvisioningDocument(url: string, etag: string | null, options: FetchOptions = {}): Promise<FetchOutcome> {
  const doFetch = options.fetch ?? globalThis.fetch;
  let response: Response;
  try {
    response = await doFetch(url, {
      headers: { Accept: 'application/json', ...(etag ? { 'If-None-Match': `"${etag}"` } : {}) },
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
    throw response.status === 404 || response.status === 410 ? new DocumentGoneError(message) : new Error(message);
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
