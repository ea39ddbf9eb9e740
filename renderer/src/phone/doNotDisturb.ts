/** The reason phrase of the `486` a phone in Do not disturb answers with (RFC 3261 §21.4.24). */
export const DO_NOT_DISTURB_REASON = 'Do Not Disturb';

/**
 * Whether Do not disturb refuses an incoming INVITE, given its headers: it does, unless it carries
 * `Priority: emergency` (RFC 3261 §20.26) — the emergency operator calling back must always ring — or `Replaces`
 * (RFC 3891): an attended transfer taking over a call this phone already has.
 */
export function refusedByDoNotDisturb(header: (name: string) => string | undefined): boolean {
  if (header('Priority')?.trim().toLowerCase() === 'emergency') return false;
  return header('Replaces') === undefined;
}
