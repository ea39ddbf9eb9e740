import type { RTCPeerConnection } from 'werift';

/** Waits until the peer has gathered its ICE candidates (the answer is non-trickle); rejects after `timeoutMs`. */
export async function waitForIceGathering(peer: RTCPeerConnection, timeoutMs: number): Promise<void> {
  if (peer.iceGatheringState === 'complete') return;
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
