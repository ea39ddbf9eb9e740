import { randomFillSync } from 'node:crypto';

/** The random identifiers SIP needs, injected so that tests can use predictable ones. */
export interface IdSource {
  /** A Via branch: the RFC 3261 magic cookie `z9hG4bK` and a random part, unique in space and time (§8.1.1.7). */
  branch(): string;
  /** A From/To tag: at least 32 bits of randomness (§19.3). */
  tag(): string;
  /** A Call-ID, globally unique (§8.1.1.4). */
  callId(): string;
}

/** Random bytes are drawn from the CSPRNG 4 KiB at a time (as node:crypto's randomUUID does): one call per NOTIFY costs more than the NOTIFY's XML. */
const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let taken = 0;

function randomHex(bytes: number): string {
  if (taken + bytes > pool.length) {
    pool = randomFillSync(Buffer.allocUnsafe(POOL_BYTES));
    taken = 0;
  }
  const hex = pool.toString('hex', taken, taken + bytes);
  taken += bytes;
  return hex;
}

/** Crypto-random identifiers (hex, so always tokens and valid Call-ID words). */
export const randomIds: IdSource = {
  branch: () => `z9hG4bK${randomHex(12)}`,
  tag: () => randomHex(8),
  callId: () => randomHex(16),
};
