import { randomInt } from 'node:crypto';
import { type MediaStreamTrack, RTCPeerConnection, type RTCRtpTransceiver, RtpHeader, RtpPacket } from 'werift';
import { keepCandidatesOn, listCandidateAddresses } from './answerSdp';
import { paceFrames } from './framePacer';
import { decodeMuLaw, encodeMuLaw } from './g711';
import { prepareOffer } from './offerSdp';
import { pbxPeerConfig } from './peerConfig';
import { RtpClock } from './rtpClock';
import { DtmfDetector } from './telephoneEvent';
import { type ToneSpec, generateTone } from './tone';

/** PCMU at 8000 Hz in 20 ms frames (RFC 3551 §4.5.14 default packetisation). */
const SAMPLE_RATE = 8000;
const FRAME_MS = 20;
const FRAME_SAMPLES = (SAMPLE_RATE * FRAME_MS) / 1000;

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

/** How a play() ended: played to the end, cut short by its AbortSignal, or the call ended first. */
export type PlayOutcome = 'completed' | 'aborted' | 'closed';

export interface PlayOptions {
  signal?: AbortSignal;
}

/** The media side of ONE call leg between a browser (JsSIP) and the PBX's IVR or a bot. No SIP: SDP strings in and out. */
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

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function subscribe<T>(listeners: Set<(value: T) => void>, listener: (value: T) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function emit<T>(listeners: Set<(value: T) => void>, value: T): void {
  for (const listener of [...listeners]) {
    try {
      listener(value);
    } catch {
      // a failing listener must not stop the media path or the other listeners
    }
  }
}

export function createMediaEndpoint(options: MediaEndpointOptions): MediaEndpoint {
  const config = pbxPeerConfig({ bindAddress: options.bindAddress, portRange: options.portRange });
  const now = options.now ?? (() => performance.now());
  const connected = deferred<void>();
  const ended = deferred<EndReason>();
  connected.promise.catch(() => undefined); // observed through `ended` when nobody awaits it
  const dtmfListeners = new Set<(digit: string) => void>();
  const audioListeners = new Set<(pcm: Int16Array) => void>();
  const detector = new DtmfDetector();
  const clock = new RtpClock({ clockRate: SAMPLE_RATE, now, initialSequenceNumber: randomInt(0x10000), initialTimestamp: randomInt(2 ** 32 - 1) });
  const subscribedTracks = new WeakSet<MediaStreamTrack>();

  let pc: RTCPeerConnection | null = null;
  let transceiver: RTCRtpTransceiver | null = null;
  let pcmuPayloadType = 0;
  let telephoneEventPayloadType: number | null = null;
  let isConnected = false;
  let endReason: EndReason | null = null;
  let playing = false;
  let playQueue: Promise<unknown> = Promise.resolve();
  let pendingEcho = new Int16Array(0);
  let connectTimer: NodeJS.Timeout | undefined;
  let closing: Promise<void> = Promise.resolve();

  function finish(reason: EndReason): void {
    if (endReason !== null) return;
    endReason = reason;
    clearTimeout(connectTimer);
    connected.reject(new Error(`media endpoint ended before connecting (${reason})`));
    ended.resolve(reason);
    closing = pc?.close().catch(() => undefined) ?? Promise.resolve();
  }

  function handleRtp(rtp: RtpPacket): void {
    const { payloadType, ssrc, timestamp } = rtp.header;
    if (payloadType === telephoneEventPayloadType) {
      const digit = detector.push(ssrc, timestamp, rtp.payload);
      if (digit !== null) emit(dtmfListeners, digit);
    } else if (payloadType === pcmuPayloadType && audioListeners.size > 0) {
      emit(audioListeners, decodeMuLaw(rtp.payload));
    }
  }

  /** False while the caller has put the call on hold (its offer was sendonly or inactive, so we answered without send). */
  function negotiatedToSend(): boolean {
    const direction = transceiver?.currentDirection ?? 'sendrecv';
    return direction === 'sendrecv' || direction === 'sendonly';
  }

  function sendFrame(frame: Int16Array, continuous = false): Promise<void> {
    const sender = transceiver?.sender;
    if (!sender || endReason !== null || !negotiatedToSend()) return Promise.resolve();
    const { sequenceNumber, timestamp, marker } = clock.next(frame.length, { continuous });
    const header = new RtpHeader({ payloadType: pcmuPayloadType, sequenceNumber, timestamp, marker });
    return sender.sendRtp(new RtpPacket(header, Buffer.from(encodeMuLaw(frame)))).catch(() => undefined);
  }

  function createPeer(): RTCPeerConnection {
    const peer = new RTCPeerConnection(config);
    transceiver = peer.addTransceiver('audio', { direction: 'sendrecv' });
    peer.onTrack.subscribe((track) => {
      if (subscribedTracks.has(track)) return;
      subscribedTracks.add(track);
      track.onReceiveRtp.subscribe((rtp) => handleRtp(rtp));
    });
    peer.connectionStateChange.subscribe((state) => {
      if (state === 'connected' && !isConnected) {
        isConnected = true;
        clearTimeout(connectTimer);
        connected.resolve();
      } else if (state === 'failed') finish('failed');
      else if (state === 'closed') finish('closed');
    });
    return peer;
  }

  async function waitForGathering(peer: RTCPeerConnection): Promise<void> {
    if (peer.iceGatheringState === 'complete') return;
    const timeoutMs = options.gatherTimeoutMs ?? 5000;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        unsubscribe();
        reject(new Error(`ICE gathering did not complete within ${timeoutMs} ms`));
      }, timeoutMs);
      const { unSubscribe: unsubscribe } = peer.iceGatheringStateChange.subscribe((state) => {
        if (state !== 'complete') return;
        clearTimeout(timer);
        unsubscribe();
        resolve();
      });
      if (peer.iceGatheringState === 'complete') {
        clearTimeout(timer);
        unsubscribe();
        resolve();
      }
    });
  }

  async function answer(offerSdp: string): Promise<string> {
    if (endReason !== null) throw new Error(`media endpoint has ended (${endReason})`);
    const prepared = prepareOffer(offerSdp);
    const firstOffer = pc === null;
    pc ??= createPeer();
    const peer = pc;
    await peer.setRemoteDescription({ type: 'offer', sdp: prepared.sdp });
    const codecs = transceiver?.codecs ?? [];
    pcmuPayloadType = codecs.find((codec) => codec.mimeType.toUpperCase() === 'AUDIO/PCMU')?.payloadType ?? 0;
    telephoneEventPayloadType = codecs.find((codec) => codec.mimeType.toLowerCase() === 'audio/telephone-event')?.payloadType ?? null;
    await peer.setLocalDescription(await peer.createAnswer());
    await waitForGathering(peer);
    const sdp = peer.localDescription?.sdp;
    if (endReason !== null || !sdp) throw new Error(`media endpoint has ended (${endReason ?? 'no local description'})`);
    const answerSdp = keepCandidatesOn(sdp, options.bindAddress);
    if (listCandidateAddresses(answerSdp).length === 0) throw new Error(`no ICE candidate on ${options.bindAddress}`);
    if (firstOffer) {
      const connectTimeoutMs = options.connectTimeoutMs ?? 20_000;
      connectTimer = setTimeout(() => finish('timeout'), connectTimeoutMs);
      connectTimer.unref();
    }
    return answerSdp;
  }

  async function playNow(pcm: Int16Array, signal?: AbortSignal): Promise<PlayOutcome> {
    if (signal?.aborted) return 'aborted';
    if (!isConnected) {
      let onAbort = () => {};
      const aborted = new Promise<'aborted'>((resolve) => {
        onAbort = () => resolve('aborted');
        signal?.addEventListener('abort', onAbort, { once: true });
      });
      const ready = await Promise.race([connected.promise.then(() => 'connected' as const, () => 'closed' as const), aborted]);
      signal?.removeEventListener('abort', onAbort);
      if (ready !== 'connected') return ready;
    }
    playing = true;
    try {
      const frames = Math.ceil(pcm.length / FRAME_SAMPLES);
      const outcome = await paceFrames(
        frames,
        (index) => {
          const frame = new Int16Array(FRAME_SAMPLES); // the last frame is padded with silence
          frame.set(pcm.subarray(index * FRAME_SAMPLES, (index + 1) * FRAME_SAMPLES));
          return sendFrame(frame, index > 0);
        },
        { frameMs: FRAME_MS, now, signal, stopped: () => endReason !== null },
      );
      return outcome === 'stopped' ? 'closed' : outcome;
    } finally {
      playing = false;
    }
  }

  function play(pcm: Int16Array, playOptions: PlayOptions = {}): Promise<PlayOutcome> {
    const result = playQueue.then(() => (endReason !== null ? ('closed' as const) : playNow(pcm, playOptions.signal)));
    playQueue = result.catch(() => undefined);
    return result;
  }

  function sendPcm(pcm: Int16Array): void {
    if (!isConnected || playing || endReason !== null) return;
    const joined = new Int16Array(pendingEcho.length + pcm.length);
    joined.set(pendingEcho);
    joined.set(pcm, pendingEcho.length);
    let offset = 0;
    for (; offset + FRAME_SAMPLES <= joined.length; offset += FRAME_SAMPLES) {
      void sendFrame(joined.slice(offset, offset + FRAME_SAMPLES), offset > 0);
    }
    pendingEcho = joined.slice(offset);
  }

  return {
    connected: connected.promise,
    ended: ended.promise,
    answer,
    play,
    playTone: (tone, playOptions) => play(generateTone({ ...tone, sampleRate: SAMPLE_RATE }), playOptions),
    sendPcm,
    onDtmf: (listener) => subscribe(dtmfListeners, listener),
    onAudio: (listener) => subscribe(audioListeners, listener),
    async close() {
      finish('closed');
      await closing;
    },
  };
}
