import { BridgeError, describeIssues } from './errors';
import { isRequestName, requestSchemas, type RequestArgs, type RequestName } from './bridge';

/** Checks a request's name and arguments at a bridge boundary; throws a BridgeError the caller can send back. */
export function validateRequest(name: unknown, args: unknown): { name: RequestName; args: RequestArgs<RequestName> } {
  if (!isRequestName(name)) {
    throw new BridgeError('unknown-request', `Unknown request ${JSON.stringify(String(name)).slice(0, 80)}`);
  }
  const parsed = requestSchemas[name].args.safeParse(args);
  if (!parsed.success) throw new BridgeError('bad-request', describeIssues(`${name} arguments`, parsed.error));
  return { name, args: parsed.data as RequestArgs<RequestName> };
}
