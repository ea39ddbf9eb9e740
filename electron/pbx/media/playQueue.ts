import { paceFrames } from './framePacer';
import { FRAME_MS, FRAME_SAMPLES, type SendFrame } from './pcmuFrames';

/** How a play ended: played to the end, cut short by its AbortSignal, or the call ended first. */
export type PlayOutcome = 'completed' | 'aborted' | 'closed';

export interface PlayQueueDeps {
  sendFrame: SendFrame;
  /** Resolves when the call is connected; rejects when it ends first. */
  connected: Promise<void>;
  isConnected(): boolean;
  hasEnded(): boolean;
  /** Monotonic milliseconds, for pacing. */
  now(): number;
}

/**
 * The prompts of one call leg: PCM streamed as 20 ms frames paced in real time, one play after another in call order.
 * Each play waits for the connection first, and resolves when its audio has been played out.
 */
export class PlayQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private sending = false;

  constructor(private readonly deps: PlayQueueDeps) {}

  /** True while a play is sending frames (the echo stays quiet meanwhile). */
  get playing(): boolean {
    return this.sending;
  }

  play(pcm: Int16Array, signal?: AbortSignal): Promise<PlayOutcome> {
    const result = this.tail.then(() => (this.deps.hasEnded() ? ('closed' as const) : this.playNow(pcm, signal)));
    this.tail = result.catch(() => undefined);
    return result;
  }

  private async playNow(pcm: Int16Array, signal?: AbortSignal): Promise<PlayOutcome> {
    if (signal?.aborted) return 'aborted';
    if (!this.deps.isConnected()) {
      const ready = await this.connectedOrAborted(signal);
      if (ready !== 'connected') return ready;
    }
    this.sending = true;
    try {
      const frames = Math.ceil(pcm.length / FRAME_SAMPLES);
      const outcome = await paceFrames(
        frames,
        (index) => {
          const frame = new Int16Array(FRAME_SAMPLES); // the last frame is padded with silence
          frame.set(pcm.subarray(index * FRAME_SAMPLES, (index + 1) * FRAME_SAMPLES));
          return this.deps.sendFrame(frame, index > 0);
        },
        { frameMs: FRAME_MS, now: this.deps.now, signal, stopped: () => this.deps.hasEnded() },
      );
      return outcome === 'stopped' ? 'closed' : outcome;
    } finally {
      this.sending = false;
    }
  }

  private async connectedOrAborted(signal?: AbortSignal): Promise<'connected' | 'closed' | 'aborted'> {
    let onAbort = () => {};
    const aborted = new Promise<'aborted'>((resolve) => {
      onAbort = () => resolve('aborted');
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    const ready = await Promise.race([this.deps.connected.then(() => 'connected' as const, () => 'closed' as const), aborted]);
    signal?.removeEventListener('abort', onAbort);
    return ready;
  }
}
