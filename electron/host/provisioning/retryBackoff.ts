import { Backoff } from '../../../shared/util/backoff';

/** The retry delays of the device host's provisioning: the first, and the longest. */
export type RetryMs = { min: number; max: number };

/** The retries of a PnP subscription or of a document fetch: `retryMs`, by default 1 s doubling to 30 s. */
export function retryBackoff(retryMs: RetryMs | undefined): Backoff {
  return new Backoff({ initialMs: retryMs?.min ?? 1000, maxMs: retryMs?.max ?? 30_000 });
}
