/**
 * Sequence numbers, timestamps and marker bits for one outgoing RTP audio stream (RFC 3550 §5.1, RFC 3551 §4.1).
 * Frames sent back to back continue the timestamp; after a pause (between prompts, or before the first echoed frame)
 * the timestamp jumps by the time that passed and the marker bit flags the first packet of the new talkspurt.
 */
export interface RtpFrameHeader {
  sequenceNumber: number;
  timestamp: number;
  marker: boolean;
}

export interface RtpClockOptions {
  clockRate: number;
  /** Monotonic milliseconds. */
  now: () => number;
  initialSequenceNumber: number;
  initialTimestamp: number;
  /** A longer silence than this starts a new talkspurt. Default 60 ms (three 20 ms frames). */
  talkspurtGapMs?: number;
}

export class RtpClock {
  private sequenceNumber: number;
  private timestamp: number;
  private lastSentAt: number | null = null;
  private lastSamples = 0;

  constructor(private readonly options: RtpClockOptions) {
    this.sequenceNumber = options.initialSequenceNumber & 0xffff;
    this.timestamp = options.initialTimestamp >>> 0;
  }

  /**
   * The header fields for the next frame of `samples` samples, sent now. `continuous` frames belong to audio already
   * being sent (the rest of a prompt): they follow the previous frame even if sending them was delayed, so a stalled
   * timer never puts a gap inside a prompt.
   */
  next(samples: number, { continuous = false }: { continuous?: boolean } = {}): RtpFrameHeader {
    const now = this.options.now();
    const gapMs = this.options.talkspurtGapMs ?? 60;
    let marker = false;
    if (this.lastSentAt === null) {
      marker = true;
    } else {
      const elapsedMs = now - this.lastSentAt;
      let advance = this.lastSamples;
      if (!continuous && elapsedMs > gapMs) {
        marker = true;
        advance = Math.max(advance, Math.round((elapsedMs * this.options.clockRate) / 1000));
      }
      this.timestamp = (this.timestamp + advance) >>> 0;
      this.sequenceNumber = (this.sequenceNumber + 1) & 0xffff;
    }
    this.lastSentAt = now;
    this.lastSamples = samples;
    return { sequenceNumber: this.sequenceNumber, timestamp: this.timestamp, marker };
  }
}
