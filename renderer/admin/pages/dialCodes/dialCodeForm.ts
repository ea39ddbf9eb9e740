import { type DialCodes, findHotDeskClashes } from '../../../../shared/domain/dialCodes';

export type DialCodeKey = keyof DialCodes;

/** The form's fields in order, with their labels. */
export const DIAL_CODE_FIELDS: ReadonlyArray<{ key: DialCodeKey; label: string; hint: string }> = [
  { key: 'login', label: 'Hot-desk login', hint: 'Dialled with the extension and a closing *, e.g. *77*100*' },
  { key: 'logout', label: 'Hot-desk logout', hint: 'Ends the hot-desk session on the device' },
  { key: 'voicemail', label: 'Voicemail', hint: 'May not start with *7 (reserved for hot desking)' },
  { key: 'pickup', label: 'Call pickup', hint: 'Followed by the ringing extension; may not start with *7' },
];

/** What the form sends: each code without the spaces around it. */
export function trimmedCodes(form: DialCodes): DialCodes {
  return { login: form.login.trim(), logout: form.logout.trim(), voicemail: form.voicemail.trim(), pickup: form.pickup.trim() };
}

/** The API's refusal of a save, as the form needs it. */
export interface SaveRefusal {
  code: string;
  /** Field → message, as the API named them. */
  fields: Readonly<Record<string, string>>;
}

/**
 * The fields to mark invalid after a refused save. A `dial-code-clash` names every clashing code in its message but
 * one field in `fields`; the others are found with the same rule the PBX applies (shared/domain/dialCodes).
 */
export function invalidFields(sent: DialCodes, refusal: SaveRefusal): Set<DialCodeKey> {
  const keys = new Set<DialCodeKey>(DIAL_CODE_FIELDS.map((field) => field.key).filter((key) => refusal.fields[key] !== undefined));
  if (refusal.code === 'dial-code-clash') for (const key of findHotDeskClashes(sent)) keys.add(key);
  return keys;
}

export function isChanged(form: DialCodes, saved: DialCodes): boolean {
  const sent = trimmedCodes(form);
  return DIAL_CODE_FIELDS.some(({ key }) => sent[key] !== saved[key]);
}
