export type TimeFormat = '24h' | '12h';

export interface ClockOptions {
  /** IANA zone from the device options; null (or an unknown zone) uses the machine's own. */
  readonly timeZone: string | null;
  readonly timeFormat: TimeFormat;
  readonly locale?: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: 'time' | 'date', options: ClockOptions): Intl.DateTimeFormat {
  const locale = options.locale ?? 'en-US';
  const key = `${kind}|${locale}|${options.timeZone ?? ''}|${options.timeFormat}`;
  let cached = formatters.get(key);
  if (!cached) {
    const fields: Intl.DateTimeFormatOptions =
      kind === 'time'
        ? options.timeFormat === '24h'
          ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
          : { hour: 'numeric', minute: '2-digit', hourCycle: 'h12' }
        : { weekday: 'short', day: 'numeric', month: 'short' };
    cached = createFormatter(locale, fields, options.timeZone);
    formatters.set(key, cached);
  }
  return cached;
}

function createFormatter(locale: string, fields: Intl.DateTimeFormatOptions, timeZone: string | null): Intl.DateTimeFormat {
  if (timeZone) {
    try {
      return new Intl.DateTimeFormat(locale, { ...fields, timeZone });
    } catch {
      // An unknown zone in the device options must not blank the clock: fall back to the machine's zone.
    }
  }
  return new Intl.DateTimeFormat(locale, fields);
}

/** `14:05` (24h) or `2:05 PM` (12h) in the device's time zone. */
export function formatClockTime(now: Date, options: ClockOptions): string {
  return formatter('time', options).format(now);
}

/** `Wed, Nov 26` in the device's time zone. */
export function formatClockDate(now: Date, options: ClockOptions): string {
  return formatter('date', options).format(now);
}

/** Milliseconds until the next minute starts, so the clock ticks exactly when its digits change. */
export function msUntilNextMinute(now: Date): number {
  return 60_000 - (now.getTime() % 60_000);
}
