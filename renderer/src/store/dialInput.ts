import { MAX_DIAL_LENGTH } from '../../../shared/domain/dialString';

/**
 * Keeps only what can be dialled — digits, `*`, `#`, and `+` as the first character — at most MAX_DIAL_LENGTH of them.
 * `+1 (555) 010-0199` pasted in becomes `+15550100199`.
 */
export function sanitizeDialInput(text: string): string {
  let out = '';
  for (const char of text) {
    if (out.length >= MAX_DIAL_LENGTH) break;
    if (/[0-9*#]/.test(char) || (char === '+' && out === '')) out += char;
  }
  return out;
}
