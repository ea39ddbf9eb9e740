import { setTimeout as sleep } from 'node:timers/promises';

export interface PacerOptions {
  frameMs: number;
  now?: () => number;
  wait?: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
  /** Stop early (e.g. the call ended); checked before each frame. */
  stopped?: () => boolean;
}

export type PaceOutcome = 'completed' | 'aborted' | 'stopped';

const defaultWait = (ms: number, signal?: AbortSignal) =>
  sleep(ms, undefined, { signal }).catch(() => {
    // aborted: the caller checks the signal
  });

/**
 * Calls `send(i)` for frames 0..count-1 in real time: frame i is due at start + i × frameMs, measured from the start
 * so timer lateness never accumulates (a late frame is sent at once and the next is due on schedule). Resolves when the
 * last frame's time has passed, i.e. when the audio has been played out.
 */
export async function paceFrames(count: number, send: (index: number) => Promise<void> | void, options: PacerOptions): Promise<PaceOutcome> {
  const now = options.now ?? (() => performance.now());
  const wait = options.wait ?? defaultWait;
  const start = now();
  for (let index = 0; index < count; index += 1) {
    if (options.signal?.aborted) return 'aborted';
    if (options.stopped?.()) return 'stopped';
    const delay = start + index * options.frameMs - now();
    if (delay > 0) {
      await wait(delay, options.signal);
      if (options.signal?.aborted) return 'aborted';
      if (options.stopped?.()) return 'stopped';
    }
    await send(index);
  }
  // Resolve when the last frame has been played out, so a following play continues seamlessly.
  const tail = start + count * options.frameMs - now();
  if (count > 0 && tail > 0) await wait(tail, options.signal);
  return options.signal?.aborted ? 'aborted' : 'completed';
}
