import { RTCPeerConnection, type RtpPacket } from 'werift';
import { pbxPeerConfig } from '../../../electron/pbx/media/peerConfig';

/** A werift peer answering an offer the PBX made (a call the PBX places), as a phone's browser would. */
export interface AnsweringPeer {
  answer: string;
  connected: Promise<void>;
  /** Every RTP packet received, in arrival order. */
  received: RtpPacket[];
  /** Resolves once at least `count` PCMU packets have arrived. */
  audio(count: number): Promise<void>;
  close(): Promise<void>;
}

export async function answerOffer(offer: string): Promise<AnsweringPeer> {
  const pc = new RTCPeerConnection(pbxPeerConfig({ bindAddress: '127.0.0.1' }));
  const received: RtpPacket[] = [];
  const listeners: Array<() => void> = [];
  const pcmu = () => received.filter((packet) => packet.header.payloadType === 0).length;
  const tracks = new WeakSet<object>();
  pc.onTrack.subscribe((track) => {
    if (tracks.has(track)) return;
    tracks.add(track);
    track.onReceiveRtp.subscribe((packet) => {
      received.push(packet);
      for (const listener of [...listeners]) listener();
    });
  });
  const connected = new Promise<void>((resolve, reject) => {
    pc.connectionStateChange.subscribe((state) => {
      if (state === 'connected') resolve();
      if (state === 'failed' || state === 'closed') reject(new Error(`answering peer ${state}`));
    });
  });
  connected.catch(() => undefined);
  await pc.setRemoteDescription({ type: 'offer', sdp: offer });
  await pc.setLocalDescription(await pc.createAnswer());
  if (pc.iceGatheringState !== 'complete') await pc.iceGatheringStateChange.watch((state) => state === 'complete', 5000);
  const audio = (count: number) => new Promise<void>((resolve) => (pcmu() >= count ? resolve() : listeners.push(() => pcmu() >= count && resolve())));
  return { answer: pc.localDescription?.sdp ?? '', connected, received, audio, close: () => pc.close() };
}
