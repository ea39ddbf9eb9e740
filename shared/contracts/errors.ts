import { z } from 'zod';

export const bridgeErrorCodeSchema = z.enum(['bad-request', 'unknown-request', 'unauthorized', 'forbidden', 'not-found', 'internal']);
export type BridgeErrorCode = z.infer<typeof bridgeErrorCodeSchema>;

/** The typed error every bridge call rejects with; it survives JSON and Electron's structured clone as plain data. */
export class BridgeError extends Error {
  constructor(
    readonly code: BridgeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BridgeError';
  }

  toJSON(): { code: BridgeErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}

export const bridgeErrorSchema = z.object({ code: bridgeErrorCodeSchema, message: z.string() });

/** An error code from the other side of the bridge; anything unknown becomes `internal`. */
export function toErrorCode(code: unknown): BridgeErrorCode {
  const parsed = bridgeErrorCodeSchema.safeParse(code);
  return parsed.success ? parsed.data : 'internal';
}

/**
 * A failure as a bridge call reports it: a BridgeError as it is; anything else as `internal` with `fallback` — or,
 * when `trusted` (an error of the caller's own transport, such as a closed IPC channel), with its own message and
 * code. A handler's error is never trusted: its message may name files and other internals of the device host.
 */
export function toBridgeError(error: unknown, fallback: string, { trusted = false } = {}): BridgeError {
  if (error instanceof BridgeError) return error;
  if (trusted && isErrorLike(error)) return new BridgeError(toErrorCode(error.code), error.message || fallback);
  return new BridgeError('internal', fallback);
}

function isErrorLike(value: unknown): value is { code?: unknown; message: string } {
  return typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string';
}

/** A one-line explanation of a zod failure: `settings.update argument 1: mac: must be a MAC like …`. */
export function describeIssues(prefix: string, error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return prefix;
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `${prefix}: ${where}${issue.message}`;
}
