/** A call's running time as a desk phone shows it: `mm:ss`, and `h:mm:ss` from an hour on. Never negative. */
export function formatCallDuration(elapsedMs: number): string {
  const total = Math.max(0, Math.floor(elapsedMs / 1000));
  const seconds = total % 60;
  const minutes = Math.floor(total / 60) % 60;
  const hours = Math.floor(total / 3600);
  const mmss = `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
  return hours > 0 ? `${hours}:${mmss}` : mmss;
}

/** Milliseconds until the shown duration next changes, so a timer ticks exactly on the second. */
export function msUntilNextSecond(elapsedMs: number): number {
  return 1000 - (Math.max(0, elapsedMs) % 1000);
}
