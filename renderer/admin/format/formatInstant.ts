/** How the console shows times: in the browser's time zone and locale unless told otherwise (tests). */
export interface TimeFormat {
  locale?: string;
  timeZone?: string;
}

/** An ISO 8601 instant as a short date and time (`01/12/2026, 14:03`); `—` for null or a value that is no time. */
export function formatInstant(iso: string | null, format: TimeFormat = {}): string {
  if (iso === null) return '—';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '—';
  return new Intl.DateTimeFormat(format.locale, { dateStyle: 'short', timeStyle: 'short', timeZone: format.timeZone }).format(at);
}
