import { Cursor } from './cursor';

/**
 * Writes `value` as a quoted-string. `"` and `\` and the control characters a quoted-pair can carry are escaped;
 * CR and LF cannot be represented (RFC 3261 §25.1 quoted-pair) and become spaces.
 */
export function quoteString(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const ch = value[i] ?? '';
    if (c === 0x0d || c === 0x0a) out += ' ';
    else if (c === 0x22 || c === 0x5c || (c < 0x20 && c !== 0x09) || c === 0x7f) out += '\\' + ch;
    else out += ch;
  }
  return out + '"';
}

/** Resolves a quoted-string to its content; anything that is not one is returned unchanged. */
export function unquoteString(raw: string): string {
  if (raw.length < 2 || raw.charCodeAt(0) !== 0x22) return raw;
  const cursor = new Cursor(raw);
  const quoted = cursor.readQuotedString();
  return quoted !== undefined && cursor.done ? quoted.value : raw;
}
