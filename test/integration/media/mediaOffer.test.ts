import { afterEach, describe, expect, it } from 'vitest';
import { listCandidateAddresses } from '../../../electron/pbx/media/answerSdp';
import { createMediaEndpoint, type MediaEndpoint } from '../../../electron/pbx/media/mediaEndpoint';
import { UnsupportedOfferError } from '../../../electron/pbx/media/offerSdp';
import { answerOffer, type AnsweringPeer } from '../support/answeringPeer';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

function endpoint(): MediaEndpoint {
  const created = createMediaEndpoint({ bindAddress: '127.0.0.1' });
  cleanups.push(() => created.close());
  return created;
}

async function answering(offer: string): Promise<AnsweringPeer> {
  const peer = await answerOffer(offer);
  cleanups.push(() => peer.close());
  return peer;
}

describe('media endpoint offering (a call the PBX places)', () => {
  it('offers PCMU and telephone-event/8000 over DTLS-SRTP with a candidate on the bind address only, and plays once answered', async () => {
    const pbx = endpoint();
    const offer = await pbx.offer();
    const lines = offer.split('\r\n');
    expect(lines.find((line) => line.startsWith('m=audio'))).toMatch(/^m=audio \d+ UDP\/TLS\/RTP\/SAVPF 0 101$/);
    expect(lines.filter((line) => line.startsWith('a=rtpmap:'))).toEqual(['a=rtpmap:0 PCMU/8000', 'a=rtpmap:101 telephone-event/8000']);
    expect(lines).toContain('a=setup:actpass');
    expect(listCandidateAddresses(offer)).toEqual(['127.0.0.1']);
    const peer = await answering(offer);
    await pbx.accept(peer.answer);
    await Promise.all([pbx.connected, peer.connected]);
    await pbx.playTone({ frequencyHz: 440, durationMs: 200 });
    await peer.audio(5);
    expect(peer.received.every((packet) => packet.header.payloadType === 0)).toBe(true);
  });

  it('refuses an answer without PCMU, and a second offer on the same leg', async () => {
    const pbx = endpoint();
    const offer = await pbx.offer();
    await expect(pbx.offer()).rejects.toThrow(/already has a connection/);
    const peer = await answering(offer);
    const withoutPcmu = peer.answer.replace(/^m=audio (\d+) (\S+) 0 101/m, 'm=audio $1 $2 101').replace('a=rtpmap:0 PCMU/8000\r\n', '');
    await expect(pbx.accept(withoutPcmu)).rejects.toThrow(UnsupportedOfferError);
  });
});
