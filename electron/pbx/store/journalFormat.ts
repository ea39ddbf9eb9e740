import { createHash } from 'node:crypto';

/**
 * One journal line: `<checksum> <json>\n`, the checksum being the first 16 hex digits of SHA-256 over the JSON text.
 * A record is only trusted when its line is complete and its checksum matches, so a write torn by a crash is seen.
 */
export function encodeLine(value: unknown): string {
  const json = JSON.stringify(value);
  return `${checksum(json)} ${json}\n`;
}

export function decodeLine(line: string): { ok: true; value: unknown } | { ok: false } {
  const space = line.indexOf(' ');
  if (space !== 16) return { ok: false };
  const json = line.slice(17);
  if (checksum(json) !== line.slice(0, 16)) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(json) as unknown };
  } catch {
    return { ok: false };
  }
}

function checksum(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

export interface ScannedJournal {
  /** Decoded values of the valid lines, in order (the header first, when intact). */
  values: unknown[];
  /** The line number (from 1) of each value. */
  lines: number[];
  /** Bytes up to the end of the last valid line: everything after it is a torn tail to cut off. */
  validBytes: number;
  /** True when the file continues past the last valid line (a torn tail). */
  torn: boolean;
  /** Bad lines followed by a good one: damage in the middle, not a torn tail. Each costs its own record only. */
  damagedLines: number[];
}

/** Splits a journal file into its valid lines, the damaged ones among them, and whatever a crash left at the end. */
export function scanJournal(content: Buffer): ScannedJournal {
  const values: unknown[] = [];
  const lines: number[] = [];
  const damagedLines: number[] = [];
  let pendingBad: number[] = [];
  let offset = 0;
  let validBytes = 0;
  let line = 0;
  while (offset < content.length) {
    const end = content.indexOf(0x0a, offset);
    line += 1;
    if (end < 0) break; // no newline: the last write was torn
    const decoded = decodeLine(content.subarray(offset, end).toString('utf8'));
    if (decoded.ok) {
      damagedLines.push(...pendingBad);
      pendingBad = [];
      values.push(decoded.value);
      lines.push(line);
      validBytes = end + 1;
    } else {
      pendingBad.push(line);
    }
    offset = end + 1;
  }
  return { values, lines, validBytes, torn: validBytes < content.length, damagedLines };
}
