import type { Clock, TimerHandle } from '../../../sip';

export const INTER_DIGIT_TIMEOUT_MS = 5000;
/** More keys than any PIN has (PIN_MAX_LENGTH is 16): the entry ends there and is checked (and refused). */
export const MAX_PIN_KEYS = 20;

export type PinEntryResult =
  /** `#` was pressed after at least one key, or MAX_PIN_KEYS keys were typed. */
  | { kind: 'pin'; pin: string }
  /** Silence for the inter-digit timeout (what was typed is dropped), or `#` alone: the IVR prompts again. */
  | { kind: 'no-input' }
  /** The call ended. */
  | { kind: 'cancelled' };

export interface PinEntryOptions {
  clock: Clock;
  interDigitMs?: number;
  maxKeys?: number;
}

/**
 * Collecting one PIN: keys (RFC 4733 events or SIP INFO, any order) until `#`. The inter-digit timer runs from the
 * end of the prompt and restarts with every key; it never runs while the prompt plays, unless a key cut the prompt
 * short. The outcome is `result`, settled once.
 */
export class PinEntry {
  readonly result: Promise<PinEntryResult>;
  private keys = '';
  private timer: TimerHandle | null = null;
  private settle!: (result: PinEntryResult) => void;
  private done = false;

  constructor(private readonly options: PinEntryOptions) {
    this.result = new Promise((resolve) => (this.settle = resolve));
  }

  /** How many keys have been typed so far (the phone shows them as dots). */
  get typed(): number {
    return this.keys.length;
  }

  /** The prompt has finished: silence from now on times out. Does nothing once a key has started the timer. */
  promptFinished(): void {
    if (!this.done && this.timer === null) this.arm();
  }

  /** Takes a key; false once the entry is over (the key is then someone else's: the next entry's). */
  press(key: string): boolean {
    if (this.done) return false;
    if (key === '#') {
      this.finish(this.keys === '' ? { kind: 'no-input' } : { kind: 'pin', pin: this.keys });
      return true;
    }
    this.keys += key;
    if (this.keys.length >= (this.options.maxKeys ?? MAX_PIN_KEYS)) this.finish({ kind: 'pin', pin: this.keys });
    else this.arm();
    return true;
  }

  cancel(): void {
    this.finish({ kind: 'cancelled' });
  }

  private arm(): void {
    if (this.timer !== null) this.options.clock.clearTimeout(this.timer);
    this.timer = this.options.clock.setTimeout(() => this.finish({ kind: 'no-input' }), this.options.interDigitMs ?? INTER_DIGIT_TIMEOUT_MS);
  }

  private finish(result: PinEntryResult): void {
    if (this.done) return;
    this.done = true;
    if (this.timer !== null) this.options.clock.clearTimeout(this.timer);
    this.timer = null;
    this.settle(result);
  }
}
