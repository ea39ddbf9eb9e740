import type { PlayOutcome } from './playQueue';
import type { ToneSpec } from './tone';
import { WeriftMediaEndpoint } from './weriftMediaEndpoint';

export type { PlayOutcome } from './playQueue';

export interface MediaEndpointOptions {
  /** The PBX's address: ICE binds only here and the answer lists only candidates on it. */
  bindAddress: string;
  /** UDP port range for the ICE socket. */
  portRange?: [number, number];
  /** How long answer() waits for ICE gathering. Default 5 s. */
  gatherTimeoutMs?: number;
  /** The endpoint closes itself when ICE + DTLS have not connected this long after answer(). Default 20 s. */
  connectTimeoutMs?: number;
  /** Monotonic milliseconds, for RTP timestamps and pacing. */
  now?: () => number;
}

export type EndReason = 'closed' | 'failed' | 'timeout';

export interface PlayOptions {
  signal?: AbortSignal;
}

/**
 * The media side of ONE call leg between a browser (JsSIP) and the PBX's IVR or a bot. No SIP: SDP strings in and out.
 * A leg the PBX answers starts with answer(); a leg it places (an outgoing call) with offer() and then accept().
 */
export interface MediaEndpoint {
  /** Resolves when ICE and DTLS are up; rejects if the leg ends first. */
  readonly connected: Promise<void>;
  /** Resolves once, when the leg ends (close(), ICE/DTLS failure or connect timeout). */
  readonly ended: Promise<EndReason>;
  /**
   * Answers an SDP offer (non-trickle: ICE gathered, only candidates on bindAddress). A later call answers a re-offer
   * on the same connection (hold/resume). Throws UnsupportedOfferError when the offer has no PCMU or has non-audio
   * media (answer 488); after any failure of the first answer, close() the endpoint.
   */
  answer(offerSdp: string): Promise<string>;
  /**
   * Makes the first offer of a leg the PBX places: one audio section, PCMU/8000 and telephone-event/8000, DTLS-SRTP,
   * ICE gathered (only candidates on bindAddress). The far end's answer goes to accept().
   */
  offer(): Promise<string>;
  /** Takes the answer to offer(); throws UnsupportedOfferError when it has no PCMU. */
  accept(answerSdp: string): Promise<void>;
  /**
   * Streams 8 kHz 16-bit PCM as 20 ms PCMU frames paced in real time, resolving when played out. Plays run one after
   * another in call order; each waits for the connection first.
   */
  play(pcm: Int16Array, options?: PlayOptions): Promise<PlayOutcome>;
  playTone(tone: Omit<ToneSpec, 'sampleRate'>, options?: PlayOptions): Promise<PlayOutcome>;
  /** Sends PCM at once, as it comes (the echo bot); dropped while a play() is sending or before connecting. */
  sendPcm(pcm: Int16Array): void;
  /** One call per RFC 4733 key press. Returns an unsubscribe function. */
  onDtmf(listener: (digit: string) => void): () => void;
  /** Each received PCMU frame, decoded. Returns an unsubscribe function. */
  onAudio(listener: (pcm: Int16Array) => void): () => void;
  close(): Promise<void>;
}

export function createMediaEndpoint(options: MediaEndpointOptions): MediaEndpoint {
  return new WeriftMediaEndpoint(options);
}
