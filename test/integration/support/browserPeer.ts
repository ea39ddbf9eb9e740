import { RTCPeerConnection, RTCRtpCodecParameters, RtpHeader, type RtpPacket } from 'werift';
import { encodeMuLaw } from '../../../electron/pbx/media/g711';
import { pbxPeerConfig } from '../../../electron/pbx/media/peerConfig';
import { dtmfEvent, encodeTelephoneEvent } from '../../support/telephoneEvents';

/**
 * A werift peer playing the browser's part: it offers like Chromium (Opus first, PCMU, telephone-event at 48000 and
 * 8000 Hz, DTLS-SRTP, ICE, rtcp-mux, BUNDLE) and sends RTP it crafts itself, so a test controls every packet.
 */
export interface BrowserPeer {
  offer: string;
  accept(answerSdp: string): Promise<void>;
  /** A new offer on the same connection, e.g. `sendonly` to put the call on hold (as JsSIP's hold() does). */
  reoffer(direction: 'sendrecv' | 'sendonly'): Promise<string>;
  connected: Promise<void>;
  /** Every RTP packet received, in arrival order. */
  received: RtpPacket[];
  onPacket(listener: (packet: RtpPacket) => void): void;
  /** Sends one RFC 4733 key press: three updates and three end packets with one timestamp (RFC 4733 §2.5). */
  sendDtmf(digit: string): Promise<void>;
  /** Sends PCM as 20 ms PCMU frames, back to back. */
  sendAudio(pcm: Int16Array): Promise<void>;
  negotiatedPayloadType(mimeType: string): number | undefined;
  close(): Promise<void>;
}

const codec = (mimeType: string, clockRate: number, payloadType: number, extra: Partial<RTCRtpCodecParameters> = {}) =>
  new RTCRtpCodecParameters({ mimeType, clockRate, payloadType, ...extra });

export async function createBrowserPeer(): Promise<BrowserPeer> {
  const pc = new RTCPeerConnection({
    ...pbxPeerConfig({ bindAddress: '127.0.0.1' }),
    codecs: {
      audio: [
        codec('audio/opus', 48000, 111, { channels: 2, parameters: 'minptime=10;useinbandfec=1' }),
        codec('audio/PCMU', 8000, 0, { channels: 1 }),
        codec('audio/telephone-event', 48000, 110, { parameters: '0-16' }),
        codec('audio/telephone-event', 8000, 126, { parameters: '0-16' }),
      ],
      video: [],
    },
  });
  const transceiver = pc.addTransceiver('audio', { direction: 'sendrecv' });
  const received: RtpPacket[] = [];
  const listeners: ((packet: RtpPacket) => void)[] = [];
  const tracks = new WeakSet<object>();
  pc.onTrack.subscribe((track) => {
    if (tracks.has(track)) return; // werift fires onTrack again for the same track on every renegotiation
    tracks.add(track);
    track.onReceiveRtp.subscribe((packet) => {
      received.push(packet);
      for (const listener of listeners) listener(packet);
    });
  });
  const connected = new Promise<void>((resolve, reject) => {
    pc.connectionStateChange.subscribe((state) => {
      if (state === 'connected') resolve();
      if (state === 'failed' || state === 'closed') reject(new Error(`browser peer ${state}`));
    });
  });
  connected.catch(() => undefined);
  await pc.setLocalDescription(await pc.createOffer());
  if (pc.iceGatheringState !== 'complete') await pc.iceGatheringStateChange.watch((state) => state === 'complete', 5000);
  const offer = pc.localDescription?.sdp ?? '';

  let sequenceNumber = 1000;
  let timestamp = 50_000;
  const payloadTypeOf = (mimeType: string) =>
    transceiver.codecs.find((c) => c.mimeType.toLowerCase() === mimeType.toLowerCase() && c.clockRate === 8000)?.payloadType;
  const send = (payloadType: number, payload: Uint8Array, rtpTimestamp: number, marker: boolean) => {
    const header = new RtpHeader({ payloadType, sequenceNumber, timestamp: rtpTimestamp, marker, ssrc: transceiver.sender.ssrc });
    sequenceNumber = (sequenceNumber + 1) & 0xffff;
    // RTCRtpSender.sendRtp would rewrite the payload type to the first negotiated codec (PCMU), so go one level down.
    return transceiver.sender.dtlsTransport.sendRtp(Buffer.from(payload), header);
  };

  return {
    offer,
    connected,
    received,
    onPacket: (listener) => listeners.push(listener),
    async accept(answerSdp) {
      await pc.setRemoteDescription({ type: 'answer', sdp: answerSdp });
    },
    async reoffer(direction) {
      transceiver.setDirection(direction);
      await pc.setLocalDescription(await pc.createOffer());
      return pc.localDescription?.sdp ?? '';
    },
    negotiatedPayloadType: payloadTypeOf,
    async sendDtmf(digit) {
      const payloadType = payloadTypeOf('audio/telephone-event');
      const event = dtmfEvent(digit);
      if (payloadType === undefined || event === null) throw new Error(`cannot send ${digit}`);
      const start = timestamp;
      for (const [index, duration] of [160, 320, 480].entries()) {
        await send(payloadType, encodeTelephoneEvent({ event, end: false, volume: 10, duration }), start, index === 0);
      }
      for (let repeat = 0; repeat < 3; repeat += 1) {
        await send(payloadType, encodeTelephoneEvent({ event, end: true, volume: 10, duration: 640 }), start, false);
      }
      timestamp += 640 + 160;
    },
    async sendAudio(pcm) {
      for (let offset = 0; offset < pcm.length; offset += 160) {
        await send(0, encodeMuLaw(pcm.subarray(offset, offset + 160)), timestamp, offset === 0);
        timestamp += 160;
      }
    },
    close: () => pc.close(),
  };
}
