/** Wall-clock arithmetic in an IANA time zone with nothing but Intl (shared code has no date library). */

interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone itself when Intl knows it, else UTC (a bad zone in the device options must not stop the timers). */
export function knownTimeZone(timeZone: string | null): string {
  if (!timeZone) return 'UTC';
  try {
    formatterFor(timeZone);
    return timeZone;
  } catch {
    return 'UTC';
  }
}

function wallClockAt(epochMs: number, timeZone: string): WallClock & { second: number } {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year as number,
    month: parts.month as number,
    day: parts.day as number,
    hour: parts.hour as number,
    minute: parts.minute as number,
    second: parts.second as number,
  };
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
function offsetAt(epochMs: number, timeZone: string): number {
  const wall = wallClockAt(epochMs, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/** The instant a wall-clock time happens in the zone (in a daylight-saving gap: just after it). */
function instantOf(wall: WallClock, timeZone: string): number {
  const naive = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  let guess = naive - offsetAt(naive, timeZone);
  guess = naive - offsetAt(guess, timeZone);
  return guess;
}

/**
 * The first instant strictly after `afterMs` at which the zone's clock shows `hh:mm` (e.g. the next 18:30 in
 * Europe/Berlin after a login at 19:00 is tomorrow's).
 */
export function nextWallClockTime(afterMs: number, hhmm: string, timeZone: string | null): number {
  const zone = knownTimeZone(timeZone);
  const [hour, minute] = hhmm.split(':').map(Number) as [number, number];
  const today = wallClockAt(afterMs, zone);
  for (let addDays = 0; addDays < 3; addDays++) {
    // Date.UTC rolls day 32 over into the next month, so the calendar arithmetic stays in UTC.
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + addDays));
    const candidate = instantOf({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour, minute }, zone);
    if (candidate > afterMs) return candidate;
  }
  throw new RangeError(`No ${hhmm} within three days after ${afterMs} in ${zone}`);
}
