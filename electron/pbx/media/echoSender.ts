import { FRAME_SAMPLES, type SendFrame } from './pcmuFrames';

/**
 * Sends PCM at once, as it comes (the echo bot), in whole 20 ms frames: the samples short of a frame wait for the next
 * call. Nothing is sent while `canSend` says no (before connecting, during a play, after the end).
 */
export class EchoSender {
  private pending = new Int16Array(0);

  constructor(
    private readonly sendFrame: SendFrame,
    private readonly canSend: () => boolean,
  ) {}

  send(pcm: Int16Array): void {
    if (!this.canSend()) return;
    const joined = new Int16Array(this.pending.length + pcm.length);
    joined.set(this.pending);
    joined.set(pcm, this.pending.length);
    let offset = 0;
    for (; offset + FRAME_SAMPLES <= joined.length; offset += FRAME_SAMPLES) {
      void this.sendFrame(joined.slice(offset, offset + FRAME_SAMPLES), offset > 0);
    }
    this.pending = joined.slice(offset);
  }
}
