import type { AuditEvent } from '../../store';

const AUDIT_CSV_COLUMNS = ['id', 'at', 'kind', 'actor', 'device', 'extension', 'mac', 'detail'] as const;

/**
 * RFC 4180 CSV (CRLF line ends, a header row). Fields with a comma, quote, CR or LF are quoted with quotes doubled;
 * fields a spreadsheet would run as a formula (starting with = + - @ tab or CR) get a leading apostrophe (OWASP
 * "CSV injection"), since details can carry text from outside (user agents, names).
 */
export function auditToCsv(events: readonly AuditEvent[]): string {
  const rows = [AUDIT_CSV_COLUMNS.join(','), ...events.map((event) => AUDIT_CSV_COLUMNS.map((column) => csvField(event[column])).join(','))];
  return `${rows.join('\r\n')}\r\n`;
}

export function csvField(value: string | null): string {
  if (value === null) return '';
  const defused = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(defused) ? `"${defused.replace(/"/g, '""')}"` : defused;
}
