import {
  BridgeError,
  bridgeErrorCodeSchema,
  describeIssues,
  eventSchemas,
  requestSchemas,
  type BridgeErrorCode,
  type BridgeEvent,
  type EventName,
  type RequestName,
  type RequestResult,
} from '../../../shared/contracts';

/** Checks a host's reply against the request's result schema; a malformed reply is the host's bug, not the user's. */
export function parseResult<N extends RequestName>(name: N, raw: unknown): RequestResult<N> {
  const parsed = requestSchemas[name].result.safeParse(raw);
  if (!parsed.success) throw new BridgeError('internal', describeIssues(`${name} result`, parsed.error));
  return parsed.data as RequestResult<N>;
}

/** A pushed event, validated; null for an unknown name or a payload that does not match its schema. */
export function parseEvent(name: unknown, payload: unknown): BridgeEvent | null {
  if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(eventSchemas, name)) return null;
  const parsed = eventSchemas[name as EventName].safeParse(payload);
  if (!parsed.success) return null;
  return { name, payload: parsed.data } as BridgeEvent;
}

/** An error code from the other side of the bridge; anything unknown becomes `internal`. */
export function toErrorCode(code: unknown): BridgeErrorCode {
  const parsed = bridgeErrorCodeSchema.safeParse(code);
  return parsed.success ? parsed.data : 'internal';
}

/** Whatever a transport threw, as a BridgeError (kept as-is when it already is one). */
export function toBridgeError(error: unknown, fallback: string): BridgeError {
  if (error instanceof BridgeError) return error;
  if (isErrorLike(error)) return new BridgeError(toErrorCode(error.code), error.message || fallback);
  return new BridgeError('internal', fallback);
}

function isErrorLike(value: unknown): value is { code?: unknown; message: string } {
  return typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string';
}
