import type { IncomingMessage } from 'node:http';
import { ApiError } from './apiError';

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

/** True for `application/json` and `application/<x>+json`, with any parameters (charset). */
export function isJsonContentType(header: string | undefined): boolean {
  const type = (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/**
 * Reads a JSON request body of at most `maxBytes`: 413 when larger (by Content-Length, or while streaming), 415 when
 * not JSON, 400 when unparsable. An absent body reads as undefined. The rest of an oversized body is drained, not
 * reset, so the client reliably gets the 413.
 */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const declared = req.headers['content-length'];
  const hasBody = (declared !== undefined && declared !== '0') || req.headers['transfer-encoding'] !== undefined;
  if (!hasBody) return undefined;
  if (declared !== undefined && Number(declared) > maxBytes) {
    drain(req);
    throw tooLarge(maxBytes);
  }
  if (!isJsonContentType(req.headers['content-type'])) {
    drain(req);
    throw new ApiError(415, 'unsupported-media-type', 'The request body must be JSON (Content-Type: application/json)');
  }
  const text = await collect(req, maxBytes);
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ApiError(400, 'invalid-json', `The request body is not valid JSON: ${(error as Error).message}`);
  }
}

/** Reads the body with events (not `for await`, whose early exit would destroy the socket before the 413 is sent). */
function collect(req: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      cleanup();
      drain(req);
      reject(tooLarge(maxBytes));
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(new ApiError(400, 'bad-request', `The request body could not be read: ${error.message}`));
    };
    const onClose = () => {
      cleanup();
      reject(new ApiError(400, 'bad-request', 'The client closed the connection before the body was complete'));
    };
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

function tooLarge(maxBytes: number): ApiError {
  return new ApiError(413, 'payload-too-large', `The request body is larger than ${maxBytes} bytes`, { headers: { Connection: 'close' } });
}

/** Discards what is left of a request body (bounded: a client that keeps sending is cut off). */
function drain(req: IncomingMessage): void {
  let discarded = 0;
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > 16 * 1024 * 1024) req.destroy();
  });
  req.resume();
}
