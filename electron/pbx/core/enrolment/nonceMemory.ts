/**
 * The nonces of accepted device proofs, each kept until no proof with it could still be in its time window, so that
 * none is accepted twice. Entries are added in time order and expire in the same order, so the oldest are dropped
 * from the front. Full (a flood), it refuses rather than forgets: forgetting would re-open replays.
 */
export class NonceMemory {
  private readonly expiries = new Map<string, number>();

  constructor(
    private readonly keepMs: number,
    private readonly maxEntries = 100_000,
  ) {}

  /** Records `nonce` for `key`: 'fresh' the first time, 'replayed' after that, 'full' when no room is left. */
  remember(key: string, nonce: string, now: number): 'fresh' | 'replayed' | 'full' {
    this.prune(now);
    const entry = `${key} ${nonce}`;
    if (this.expiries.has(entry)) return 'replayed';
    if (this.expiries.size >= this.maxEntries) return 'full';
    this.expiries.set(entry, now + this.keepMs);
    return 'fresh';
  }

  get size(): number {
    return this.expiries.size;
  }

  private prune(now: number): void {
    for (const [entry, expiry] of this.expiries) {
      if (expiry > now) return;
      this.expiries.delete(entry);
    }
  }
}
