import { isCtl, isToken, isWs, trimWs } from './chars';
import type { SipHeader } from './sipMessage';

/** The start line and header fields of a message head, with the first problem found (if any). */
export interface HeadScan {
  startLine: string;
  /** Well-formed header fields, unfolded, in order. Malformed lines are left out (and reported in `error`). */
  headers: SipHeader[];
  error?: string;
}

/**
 * Splits a message head (everything before the empty line) into the start line and header fields. Lines end with
 * CRLF; a line starting with SP or HTAB continues the previous field and the fold is replaced by one SP
 * (RFC 3261 §7.3.1). header = name *(SP / HTAB) ":" SWS value. Bare CR or LF, folded start lines, nameless or
 * colon-less lines and control characters are reported in `error`, but scanning goes on (splitting at bare LFs
 * too), so that a response to a malformed request can still be built from the fields that are readable.
 */
export function scanHead(head: string): HeadScan {
  const lines = splitLines(head);
  const scan: HeadScan = { startLine: lines.lines[0] ?? '', headers: [] };
  if (lines.error) scan.error = lines.error;
  const fail = (reason: string): void => {
    scan.error ??= reason;
  };

  let current: { name: string; parts: string[] } | undefined;
  const flush = (): void => {
    if (!current) return;
    const value = trimWs(current.parts.join(' '));
    const bad = controlCharacter(value);
    if (bad) fail(`Control character in the ${current.name} header`);
    else scan.headers.push({ name: current.name, value });
    current = undefined;
  };

  for (let i = 1; i < lines.lines.length; i++) {
    const line = lines.lines[i] ?? '';
    if (isWs(line.charCodeAt(0))) {
      if (current) {
        const last = current.parts.length - 1;
        current.parts[last] = trimEnd(current.parts[last] ?? '');
        const continued = trimWs(line);
        if (continued.length > 0) current.parts.push(continued);
      } else {
        fail(i === 1 ? 'The start line must not be folded' : 'Folded line without a header field');
      }
      continue;
    }
    flush();
    const colon = line.indexOf(':');
    if (colon < 0) {
      fail('Header line without a colon');
      continue;
    }
    const name = trimEnd(line.slice(0, colon));
    if (!isToken(name)) {
      fail('Malformed header name');
      continue;
    }
    current = { name, parts: [line.slice(colon + 1)] };
  }
  flush();
  return scan;
}

function splitLines(head: string): { lines: string[]; error?: string } {
  const lines: string[] = [];
  let error: string | undefined;
  let start = 0;
  for (;;) {
    const lf = head.indexOf('\n', start);
    if (lf < 0) {
      lines.push(head.slice(start));
      break;
    }
    const crlf = lf > start && head.charCodeAt(lf - 1) === 0x0d;
    if (!crlf) error ??= 'Bare LF in the message head';
    const line = head.slice(start, crlf ? lf - 1 : lf);
    // An empty line ends the head when only bare LFs were used.
    if (line.length === 0 && lines.length > 0) break;
    lines.push(line);
    start = lf + 1;
  }
  if (lines.some((line) => line.includes('\r'))) error ??= 'Bare CR in the message head';
  return error ? { lines, error } : { lines };
}

function trimEnd(s: string): string {
  let end = s.length;
  while (end > 0 && isWs(s.charCodeAt(end - 1))) end--;
  return s.slice(0, end);
}

/**
 * Control characters are not allowed in header values, except right after a backslash (a quoted-pair may carry
 * NUL, BEL or DEL, RFC 4475 §3.1.1.2) — but never CR or LF, which no quoted-pair carries. Returns whether one was
 * found.
 */
function controlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x0d || c === 0x0a || (isCtl(c) && value.charCodeAt(i - 1) !== 0x5c)) return true;
  }
  return false;
}
