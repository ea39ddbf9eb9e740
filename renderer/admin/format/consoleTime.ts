/**
 * Times as the console shows them: in the browser's time zone and locale unless told otherwise (tests pass both so
 * that their expectations do not depend on the machine).
 */
export interface TimeFormatOptions {
  timeZone?: string;
  locale?: string;
}

/** "1 Dec 2026, 14:05:09" (the locale's order and clock); the ISO text itself when it is not a time. */
export function formatInstant(iso: string, options: TimeFormatOptions = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(options.locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone: options.timeZone }).format(date);
}

/** "1 Dec 2026" */
export function formatDay(iso: string, options: TimeFormatOptions = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(options.locale, { dateStyle: 'medium', timeZone: options.timeZone }).format(date);
}

/**
 * The instant an `<input type="datetime-local">` value names in the browser's time zone (`2026-12-01T09:30` →
 * ISO 8601 UTC), null for an empty or invalid value.
 */
export function localInputToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(value)) return null;
  const date = new Date(value); // a date-time without an offset is local time (ECMAScript Date Time String Format)
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
