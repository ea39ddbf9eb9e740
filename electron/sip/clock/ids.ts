import { randomBytes } from 'node:crypto';

/** The random identifiers SIP needs, injected so that tests can use predictable ones. */
export interface IdSource {
  /** A Via branch: the RFC 3261 magic cookie `z9hG4bK` and a random part, unique in space and time (§8.1.1.7). */
  branch(): string;
  /** A From/To tag: at least 32 bits of randomness (§19.3). */
  tag(): string;
  /** A Call-ID, globally unique (§8.1.1.4). */
  callId(): string;
}

function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/** Crypto-random identifiers (hex, so always tokens and valid Call-ID words). */
export const randomIds: IdSource = {
  branch: () => `z9hG4bK${randomHex(12)}`,
  tag: () => randomHex(8),
  callId: () => randomHex(16),
};
