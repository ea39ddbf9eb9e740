export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

/** `median 412 ms (min 398, max 455)` */
export function summarise(samples: readonly number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const ms = (value: number) => Math.round(value).toString();
  return `median ${ms(percentile(sorted, 50))} ms (min ${ms(sorted[0] ?? Number.NaN)}, max ${ms(sorted.at(-1) ?? Number.NaN)})`;
}

/** `p50 212 ms, p95 268 ms, max 301 ms (n=50)` */
export function summarisePercentiles(samples: readonly number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const ms = (value: number) => Math.round(value).toString();
  return `p50 ${ms(percentile(sorted, 50))} ms, p95 ${ms(percentile(sorted, 95))} ms, max ${ms(sorted.at(-1) ?? Number.NaN)} ms (n=${sorted.length})`;
}
