import { randomInt } from 'node:crypto';
import { type MediaStreamTrack, RTCPeerConnection, type RTCPeerConnectionConfig, type RTCRtpCodecParameters, type RTCRtpTransceiver, RtpHeader, RtpPacket } from 'werift';
import { keepCandidatesOn, listCandidateAddresses } from './answerSdp';
import { deferred } from './deferred';
import { EchoSender } from './echoSender';
import { decodeMuLaw, encodeMuLaw } from './g711';
import { waitForIceGathering } from './iceGathering';
import { ListenerSet } from '../../../shared/util/listenerSet';
import type { EndReason, MediaEndpoint, MediaEndpointOptions, PlayOptions } from './mediaEndpoint';
import { prepareOffer, UnsupportedOfferError } from './offerSdp';
import { SAMPLE_RATE } from './pcmuFrames';
import { pbxPeerConfig } from './peerConfig';
import { type PlayOutcome, PlayQueue } from './playQueue';
import { RtpClock } from './rtpClock';
import { DtmfDetector } from './telephoneEvent';
import { type ToneSpec, generateTone } from './tone';

/** The payload types the caller's offer gave PCMU and telephone-event/8000 (null: DTMF comes as SIP INFO). */
interface PayloadTypes {
  pcmu: number;
  telephoneEvent: number | null;
}

function negotiatedPayloadTypes(codecs: readonly RTCRtpCodecParameters[]): PayloadTypes {
  return {
    pcmu: codecs.find((codec) => codec.mimeType.toUpperCase() === 'AUDIO/PCMU')?.payloadType ?? 0,
    telephoneEvent: codecs.find((codec) => codec.mimeType.toLowerCase() === 'audio/telephone-event')?.payloadType ?? null,
  };
}

/**
 * The media endpoint on werift: one peer connection, created on the first offer (its own or the caller's) and kept
 * for re-offers (hold/resume).
 * Prompts go through the play queue, echoed audio through the echo sender; both send on sendFrame().
 */
export class WeriftMediaEndpoint implements MediaEndpoint {
  readonly connected: Promise<void>;
  readonly ended: Promise<EndReason>;
  private readonly connection = deferred<void>();
  private readonly ending = deferred<EndReason>();
  private readonly config: RTCPeerConnectionConfig;
  private readonly now: () => number;
  // A failing listener must not stop the media path or the other listeners; it is reported and the audio goes on.
  private readonly dtmf = new ListenerSet<string>((error) => reportListenerError('DTMF', error));
  private readonly audio = new ListenerSet<Int16Array>((error) => reportListenerError('audio', error));
  private readonly detector = new DtmfDetector();
  private readonly rtpClock: RtpClock;
  private readonly plays: PlayQueue;
  private readonly echo: EchoSender;
  private peer: { pc: RTCPeerConnection; transceiver: RTCRtpTransceiver } | null = null;
  private payloadTypes: PayloadTypes = { pcmu: 0, telephoneEvent: null };
  private status: 'connecting' | 'connected' | EndReason = 'connecting';
  private connectTimer: NodeJS.Timeout | undefined;
  private closing: Promise<void> = Promise.resolve();

  constructor(private readonly options: MediaEndpointOptions) {
    this.config = pbxPeerConfig({ bindAddress: options.bindAddress, portRange: options.portRange });
    this.now = options.now ?? (() => performance.now());
    this.connected = this.connection.promise;
    this.ended = this.ending.promise;
    this.connected.catch(() => undefined); // observed through `ended` when nobody awaits it
    this.rtpClock = new RtpClock({ clockRate: SAMPLE_RATE, now: this.now, initialSequenceNumber: randomInt(0x10000), initialTimestamp: randomInt(2 ** 32 - 1) });
    const sendFrame = (frame: Int16Array, continuous: boolean) => this.sendFrame(frame, continuous);
    this.plays = new PlayQueue({
      sendFrame,
      connected: this.connected,
      isConnected: () => this.status === 'connected',
      hasEnded: () => this.hasEnded(),
      now: this.now,
    });
    this.echo = new EchoSender(sendFrame, () => this.status === 'connected' && !this.plays.playing);
  }

  async answer(offerSdp: string): Promise<string> {
    if (this.hasEnded()) throw new Error(`media endpoint has ended (${this.status})`);
    const prepared = prepareOffer(offerSdp);
    const firstOffer = this.peer === null;
    const { pc, transceiver } = (this.peer ??= this.createPeer());
    await pc.setRemoteDescription({ type: 'offer', sdp: prepared.sdp });
    this.payloadTypes = negotiatedPayloadTypes(transceiver.codecs);
    await pc.setLocalDescription(await pc.createAnswer());
    const answerSdp = await this.gatheredLocalDescription(pc);
    if (firstOffer) this.startConnectTimer();
    return answerSdp;
  }

  async offer(): Promise<string> {
    if (this.hasEnded()) throw new Error(`media endpoint has ended (${this.status})`);
    if (this.peer) throw new Error('offer() makes the first offer of a leg; this one already has a connection');
    const { pc } = (this.peer = this.createPeer());
    await pc.setLocalDescription(await pc.createOffer());
    return this.gatheredLocalDescription(pc);
  }

  async accept(answerSdp: string): Promise<void> {
    const peer = this.peer;
    if (!peer || this.hasEnded()) throw new Error(`media endpoint has ${this.hasEnded() ? `ended (${this.status})` : 'made no offer'}`);
    await peer.pc.setRemoteDescription({ type: 'answer', sdp: answerSdp });
    if (!peer.transceiver.codecs.some((codec) => codec.mimeType.toUpperCase() === 'AUDIO/PCMU')) {
      throw new UnsupportedOfferError('the answer has no PCMU/8000 audio');
    }
    this.payloadTypes = negotiatedPayloadTypes(peer.transceiver.codecs);
    this.startConnectTimer();
  }

  play(pcm: Int16Array, options: PlayOptions = {}): Promise<PlayOutcome> {
    return this.plays.play(pcm, options.signal);
  }

  playTone(tone: Omit<ToneSpec, 'sampleRate'>, options?: PlayOptions): Promise<PlayOutcome> {
    return this.play(generateTone({ ...tone, sampleRate: SAMPLE_RATE }), options);
  }

  sendPcm(pcm: Int16Array): void {
    this.echo.send(pcm);
  }

  onDtmf(listener: (digit: string) => void): () => void {
    return this.dtmf.add(listener);
  }

  onAudio(listener: (pcm: Int16Array) => void): () => void {
    return this.audio.add(listener);
  }

  async close(): Promise<void> {
    this.finish('closed');
    await this.closing;
  }

  /** The local description once ICE has gathered, with only the candidates on the bind address (non-trickle). */
  private async gatheredLocalDescription(pc: RTCPeerConnection): Promise<string> {
    await waitForIceGathering(pc, this.options.gatherTimeoutMs ?? 5000);
    const sdp = pc.localDescription?.sdp;
    if (this.hasEnded() || !sdp) throw new Error(`media endpoint has ended (${this.hasEnded() ? this.status : 'no local description'})`);
    const filtered = keepCandidatesOn(sdp, this.options.bindAddress);
    if (listCandidateAddresses(filtered).length === 0) throw new Error(`no ICE candidate on ${this.options.bindAddress}`);
    return filtered;
  }

  private startConnectTimer(): void {
    this.connectTimer = setTimeout(() => this.finish('timeout'), this.options.connectTimeoutMs ?? 20_000);
    this.connectTimer.unref();
  }

  private hasEnded(): boolean {
    return this.status !== 'connecting' && this.status !== 'connected';
  }

  private finish(reason: EndReason): void {
    if (this.hasEnded()) return;
    this.status = reason;
    clearTimeout(this.connectTimer);
    this.connection.reject(new Error(`media endpoint ended before connecting (${reason})`));
    this.ending.resolve(reason);
    this.closing = this.peer?.pc.close().catch(() => undefined) ?? Promise.resolve();
  }

  private createPeer(): { pc: RTCPeerConnection; transceiver: RTCRtpTransceiver } {
    const pc = new RTCPeerConnection(this.config);
    const transceiver = pc.addTransceiver('audio', { direction: 'sendrecv' });
    const subscribed = new WeakSet<MediaStreamTrack>();
    pc.onTrack.subscribe((track) => {
      if (subscribed.has(track)) return;
      subscribed.add(track);
      track.onReceiveRtp.subscribe((rtp) => this.receive(rtp));
    });
    pc.connectionStateChange.subscribe((state) => {
      if (state === 'connected' && this.status === 'connecting') {
        this.status = 'connected';
        clearTimeout(this.connectTimer);
        this.connection.resolve();
      } else if (state === 'failed') this.finish('failed');
      else if (state === 'closed') this.finish('closed');
    });
    return { pc, transceiver };
  }

  private receive(rtp: RtpPacket): void {
    const { payloadType, ssrc, timestamp } = rtp.header;
    if (payloadType === this.payloadTypes.telephoneEvent) {
      const digit = this.detector.push(ssrc, timestamp, rtp.payload);
      if (digit !== null) this.dtmf.emit(digit);
    } else if (payloadType === this.payloadTypes.pcmu && this.audio.size > 0) {
      this.audio.emit(decodeMuLaw(rtp.payload));
    }
  }

  /** False while the caller has put the call on hold (its offer was sendonly or inactive, so we answered without send). */
  private negotiatedToSend(): boolean {
    const direction = this.peer?.transceiver.currentDirection ?? 'sendrecv';
    return direction === 'sendrecv' || direction === 'sendonly';
  }

  private sendFrame(frame: Int16Array, continuous: boolean): Promise<void> {
    const sender = this.peer?.transceiver.sender;
    if (!sender || this.hasEnded() || !this.negotiatedToSend()) return Promise.resolve();
    const { sequenceNumber, timestamp, marker } = this.rtpClock.next(frame.length, { continuous });
    const header = new RtpHeader({ payloadType: this.payloadTypes.pcmu, sequenceNumber, timestamp, marker });
    return sender.sendRtp(new RtpPacket(header, Buffer.from(encodeMuLaw(frame)))).catch(() => undefined);
  }
}

function reportListenerError(kind: string, error: unknown): void {
  console.warn(`Media endpoint: a ${kind} listener failed:`, error);
}
