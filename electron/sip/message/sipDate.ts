const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
// Fixed-width and anchored: no backtracking to speak of.
const RFC1123 = /^([A-Z][a-z]{2}), (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;

/**
 * SIP-date = rfc1123-date (RFC 3261 §20.17): `wkday "," SP date1 SP time SP "GMT"`; only GMT is allowed
 * (RFC 4475 §3.1.2.12). Returns the instant, or undefined if malformed. The weekday is not cross-checked.
 */
export function parseSipDate(value: string): Date | undefined {
  const m = RFC1123.exec(value);
  if (!m) return undefined;
  const [, wkday = '', day = '', mon = '', year = '', hh = '', mm = '', ss = ''] = m;
  const month = MONTHS.indexOf(mon);
  if (!WEEKDAYS.includes(wkday) || month < 0) return undefined;
  const [d, h, min, s, y] = [Number(day), Number(hh), Number(mm), Number(ss), Number(year)];
  if (h > 23 || min > 59 || s > 60 || d < 1) return undefined;
  const date = new Date(Date.UTC(y, month, d, h, min, Math.min(s, 59)));
  if (date.getUTCDate() !== d || date.getUTCMonth() !== month) return undefined;
  return date;
}

export function formatSipDate(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return (
    `${WEEKDAYS[date.getUTCDay()]}, ${pad(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} GMT`
  );
}
