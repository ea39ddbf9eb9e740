import type { SipResponse } from '../../../sip';

/**
 * The best of the final responses of all branches, once each has one (RFC 3261 §16.7 step 6): a 6xx wins, then
 * the lowest class; within 4xx the ones the caller can act on (auth, 486 busy) are preferred.
 */
export function chooseBestResponse(responses: readonly SipResponse[]): SipResponse | undefined {
  const rank = (response: SipResponse): number => {
    const status = response.status;
    if (status >= 600) return 0;
    const preferred = [401, 407, 415, 420, 484, 486].includes(status) ? 0 : 1;
    return Math.floor(status / 100) * 10 + preferred;
  };
  return [...responses].sort((a, b) => rank(a) - rank(b))[0];
}
