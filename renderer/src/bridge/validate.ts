import {
  BridgeError,
  describeIssues,
  eventSchemas,
  requestSchemas,
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
