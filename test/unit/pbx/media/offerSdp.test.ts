import { describe, expect, it } from 'vitest';
import { UnsupportedOfferError, prepareOffer, stripForeignRateTelephoneEvents } from '../../../../electron/pbx/media/offerSdp';
import { CHROMIUM_OFFER } from './fixtures/chromiumOffer';

const lines = (sdp: string) => sdp.split('\r\n');
const mLine = (sdp: string) => lines(sdp).find((line) => line.startsWith('m=audio'));

/** A minimal offer: session lines, then one m= section built from `media`. */
function offer(media: string[]): string {
  return ['v=0', 'o=- 1 1 IN IP4 127.0.0.1', 's=-', 't=0 0', ...media, ''].join('\r\n');
}

describe('stripForeignRateTelephoneEvents', () => {
  it("removes Chromium's telephone-event/48000 and keeps telephone-event/8000", () => {
    const stripped = stripForeignRateTelephoneEvents(CHROMIUM_OFFER);
    expect(mLine(stripped)).toBe('m=audio 34563 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 126');
    expect(stripped).not.toContain('a=rtpmap:110 ');
    expect(stripped).toContain('a=rtpmap:126 telephone-event/8000');
    // nothing else changes
    expect(lines(stripped).filter((line) => !lines(CHROMIUM_OFFER).includes(line))).toEqual([mLine(stripped)]);
    expect(lines(CHROMIUM_OFFER).filter((line) => !lines(stripped).includes(line))).toEqual([
      'm=audio 34563 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126',
      'a=rtpmap:110 telephone-event/48000',
    ]);
  });

  it('removes the fmtp and rtcp-fb lines of a stripped payload type too, and takes LF-only input', () => {
    const input = offer([
      'm=audio 9 UDP/TLS/RTP/SAVPF 0 101 102',
      'a=rtpmap:0 PCMU/8000',
      'a=rtpmap:101 telephone-event/16000',
      'a=fmtp:101 0-15',
      'a=rtcp-fb:101 nack',
      'a=rtpmap:102 TELEPHONE-EVENT/8000',
      'a=fmtp:102 0-15',
    ]).replaceAll('\r\n', '\n');
    const stripped = stripForeignRateTelephoneEvents(input);
    expect(lines(stripped).slice(4)).toEqual(['m=audio 9 UDP/TLS/RTP/SAVPF 0 102', 'a=rtpmap:0 PCMU/8000', 'a=rtpmap:102 TELEPHONE-EVENT/8000', 'a=fmtp:102 0-15', '']);
  });

  it('leaves an offer without telephone-event alone', () => {
    const input = offer(['m=audio 9 UDP/TLS/RTP/SAVPF 0', 'a=rtpmap:0 PCMU/8000']);
    expect(stripForeignRateTelephoneEvents(input)).toBe(input);
  });
});

describe('prepareOffer', () => {
  it("puts PCMU first in Chromium's offer and reports its telephone-event payload type", () => {
    const prepared = prepareOffer(CHROMIUM_OFFER);
    expect(mLine(prepared.sdp)).toBe('m=audio 34563 UDP/TLS/RTP/SAVPF 0 111 63 9 8 13 126');
    expect(prepared.telephoneEventPayloadType).toBe(126);
    expect(prepared.sdp.endsWith('\r\n')).toBe(true);
  });

  it('accepts an offer without telephone-event (DTMF then comes as SIP INFO)', () => {
    const prepared = prepareOffer(offer(['m=audio 9 UDP/TLS/RTP/SAVPF 111 0', 'a=rtpmap:111 opus/48000/2', 'a=rtpmap:0 PCMU/8000']));
    expect(prepared.telephoneEventPayloadType).toBeNull();
  });

  it('adds the rtpmap of static payload type 0 when the offer leaves it out (RFC 3551)', () => {
    const prepared = prepareOffer(offer(['m=audio 9 UDP/TLS/RTP/SAVPF 8 0', 'a=rtpmap:8 PCMA/8000']));
    expect(lines(prepared.sdp).slice(4, 7)).toEqual(['m=audio 9 UDP/TLS/RTP/SAVPF 0 8', 'a=rtpmap:0 PCMU/8000', 'a=rtpmap:8 PCMA/8000']);
  });

  it.each([
    ['no PCMU', offer(['m=audio 9 UDP/TLS/RTP/SAVPF 111', 'a=rtpmap:111 opus/48000/2']), /no PCMU/],
    ['video', offer(['m=audio 9 UDP/TLS/RTP/SAVPF 0', 'm=video 9 UDP/TLS/RTP/SAVPF 96', 'a=rtpmap:96 VP8/90000']), /only audio.*video/],
    ['two audio sections', offer(['m=audio 9 UDP/TLS/RTP/SAVPF 0', 'm=audio 9 UDP/TLS/RTP/SAVPF 0']), /exactly one audio/],
    ['no media', offer([]), /exactly one audio/],
    ['plain RTP', offer(['m=audio 4000 RTP/AVP 0']), /DTLS-SRTP/],
    ['not SDP', 'hello', /not a session description/],
  ])('refuses an offer with %s', (_name, sdp, message) => {
    expect(() => prepareOffer(sdp)).toThrow(UnsupportedOfferError);
    expect(() => prepareOffer(sdp)).toThrow(message);
  });
});
