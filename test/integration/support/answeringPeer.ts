import { RTCPeerConnection, type RtpPacket } from 'werift';
import { pbxPeerConfig } from '../../../electron/pbx/media/peerConfig';

/** A werift peer answering an offer the PBX made (a call the PBX places), as a phone's browser would. */
export interface AnsweringPeer {
  answer: string;
  connected: Promise<void>;
  /** Every RTP packet received, in arrival order. */
  received: RtpPacket[];
  close(): Promise<void>;
}

export async function answerOffer(offer: string): Promise<AnsweringPeer> {
  const pc = new RTCPeerConnection(pbxPeerConfig({ bindAddress: '127.0.0.1' }));
  const received: RtpPacket[] = [];
  const tracks = new WeakSet<object>();
  pc.onTrack.subscribe((track) => {
    if (tracks.has(track)) return;
    tracks.add(track);
    track.onReceiveRtp.subscribe((packet) => received.push(packet));
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
  return { answer: pc.localDescription?.sdp ?? '', connected, received, close: () => pc.close() };
}
