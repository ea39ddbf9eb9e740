import { TokenBucket } from '../../../shared/util/tokenBucket';

/** Keys remembered at most; past that the oldest are forgotten (a bound on memory whatever keys callers make up). */
const MAX_KEYS = 10_000;

/** One token bucket per key (a user, an address). */
export class RateLimits {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    private readonly now: () => number,
  ) {}

  take(key: string): boolean {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= MAX_KEYS) this.buckets.delete(this.buckets.keys().next().value as string);
      bucket = new TokenBucket(this.burst, this.perSecond, this.now);
      this.buckets.set(key, bucket);
    }
    return bucket.take();
  }
}
