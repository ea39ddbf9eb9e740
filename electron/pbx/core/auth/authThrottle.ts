/**
 * Counts failed authentications per source address; past `maxFailures` within `windowMs` the source is refused
 * until the window has passed (PRODUCT.md §10: repeated auth failures are throttled).
 */
export class AuthThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly now: () => number,
    private readonly maxFailures = 10,
    private readonly windowMs = 60_000,
  ) {}

  isBlocked(source: string): boolean {
    return this.recent(source).length >= this.maxFailures;
  }

  recordFailure(source: string): void {
    const list = this.recent(source);
    list.push(this.now());
    this.failures.set(source, list);
  }

  private recent(source: string): number[] {
    const cutoff = this.now() - this.windowMs;
    const list = (this.failures.get(source) ?? []).filter((at) => at > cutoff);
    if (list.length === 0) this.failures.delete(source);
    else this.failures.set(source, list);
    return list;
  }
}
