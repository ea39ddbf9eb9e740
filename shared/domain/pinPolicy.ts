/**
 * The hot-desk PIN policy: digits only, a configurable minimum length (default 6, range 4–10), and
 * no trivial PINs — one digit repeated, a run of consecutive digits up or down, or the extension number itself.
 */
export const PIN_MIN_LENGTH_DEFAULT = 6;
export const PIN_MIN_LENGTH_RANGE = { min: 4, max: 10 } as const;
/** Longest PIN accepted, whatever the minimum (a hot-desk PIN is typed on a dialpad). */
export const PIN_MAX_LENGTH = 16;

export interface PinPolicy {
  readonly minLength: number;
}

export const DEFAULT_PIN_POLICY: PinPolicy = { minLength: PIN_MIN_LENGTH_DEFAULT };

export type PinProblem = 'not-digits' | 'too-short' | 'too-long' | 'same-digit' | 'sequence' | 'extension';

export type PinVerdict = { ok: true } | { ok: false; problem: PinProblem; reason: string };

/** True when `minLength` is a whole number within PIN_MIN_LENGTH_RANGE. */
export function isValidPinMinLength(minLength: number): boolean {
  return Number.isInteger(minLength) && minLength >= PIN_MIN_LENGTH_RANGE.min && minLength <= PIN_MIN_LENGTH_RANGE.max;
}

/** Checks a new PIN for `extension` against the policy; the reason is written for the person choosing the PIN. */
export function checkPin(pin: string, extension: string, policy: PinPolicy = DEFAULT_PIN_POLICY): PinVerdict {
  if (!isValidPinMinLength(policy.minLength)) {
    throw new RangeError(`PIN minimum length must be ${PIN_MIN_LENGTH_RANGE.min}–${PIN_MIN_LENGTH_RANGE.max}, got ${policy.minLength}`);
  }
  if (!/^[0-9]*$/.test(pin)) return refuse('not-digits', 'The PIN must contain digits only (0–9).');
  if (pin.length < policy.minLength) return refuse('too-short', `The PIN must have at least ${policy.minLength} digits.`);
  if (pin.length > PIN_MAX_LENGTH) return refuse('too-long', `The PIN must have at most ${PIN_MAX_LENGTH} digits.`);
  if (isOneDigitRepeated(pin)) return refuse('same-digit', 'The PIN must not be one digit repeated (like 111111).');
  if (isRun(pin, 1) || isRun(pin, -1)) {
    return refuse('sequence', 'The PIN must not be a run of consecutive digits (like 123456 or 987654).');
  }
  if (isExtensionPattern(pin, extension)) return refuse('extension', 'The PIN must not be the extension number.');
  return { ok: true };
}

function refuse(problem: PinProblem, reason: string): PinVerdict {
  return { ok: false, problem, reason };
}

function isOneDigitRepeated(pin: string): boolean {
  return [...pin].every((digit) => digit === pin[0]);
}

/** Each digit one more (step 1) or one less (step -1) than the one before, wrapping 9→0 (e.g. 789012). */
function isRun(pin: string, step: 1 | -1): boolean {
  for (let i = 1; i < pin.length; i += 1) {
    if ((Number(pin[i - 1]) + step + 10) % 10 !== Number(pin[i])) return false;
  }
  return true;
}

/** The extension itself, or the extension repeated to fill the PIN (e.g. 100100 for 100). */
function isExtensionPattern(pin: string, extension: string): boolean {
  if (extension.length === 0) return false;
  if (pin === extension) return true;
  return pin.length % extension.length === 0 && extension.repeat(pin.length / extension.length) === pin;
}

/** A PIN the PBX makes up (an administrator's PIN reset) has at least this many digits, whatever the minimum. */
export const GENERATED_PIN_MIN_LENGTH = 6;

/**
 * A random PIN for `extension` that the policy accepts: `max(minLength, 6)` digits, drawn without modulo bias from
 * `randomBytes` (node:crypto's in the PBX) and drawn again while the policy refuses it (a run, one digit repeated…).
 */
export function generatePin(extension: string, policy: PinPolicy, randomBytes: (size: number) => Uint8Array): string {
  const length = Math.max(policy.minLength, GENERATED_PIN_MIN_LENGTH);
  for (let attempt = 0; attempt < 100; attempt += 1) {
    let pin = '';
    while (pin.length < length) {
      for (const byte of randomBytes(length)) if (byte < 250 && pin.length < length) pin += String(byte % 10);
    }
    if (checkPin(pin, extension, policy).ok) return pin;
  }
  throw new Error('no acceptable PIN after 100 draws: the random source is not random');
}
