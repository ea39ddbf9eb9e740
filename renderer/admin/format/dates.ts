import type { TimeFormat } from './formatInstant';

/**
 * A time in a log (the login history), to the second: `1 Dec 2026, 14:05:09` in the browser's time zone and locale
 * unless told otherwise; the text itself when it is no time.
 */
export function formatLogTime(iso: string, format: TimeFormat = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(format.locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone: format.timeZone }).format(date);
}

/** A day: `1 Dec 2026`. */
export function formatDay(iso: string, format: TimeFormat = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(format.locale, { dateStyle: 'medium', timeZone: format.timeZone }).format(date);
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
