import { type BridgeError, toBridgeError } from '../../../shared/contracts';

export const HOST_FAILURE = 'The device host failed to handle the request';

/**
 * What a page is told when a bridge handler failed: a BridgeError as it is; anything else is logged here (with
 * `where`) and answered as `internal` without its message, which may name files and other internals.
 */
export function bridgeFailure(error: unknown, where: string): BridgeError {
  const failure = toBridgeError(error, HOST_FAILURE);
  if (failure !== error) console.error(`hotdesk: ${where} failed:`, error);
  return failure;
}
