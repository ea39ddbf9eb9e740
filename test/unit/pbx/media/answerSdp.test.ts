import { describe, expect, it } from 'vitest';
import { candidateAddress, keepCandidatesOn, listCandidateAddresses } from '../../../../electron/pbx/media/answerSdp';
import { CHROMIUM_OFFER } from './fixtures/chromiumOffer';

const ANSWER = [
  'v=0',
  'o=- 15118515 0 IN IP4 0.0.0.0',
  's=-',
  't=0 0',
  'a=group:BUNDLE 0',
  'm=audio 9 UDP/TLS/RTP/SAVPF 0 126',
  'c=IN IP4 0.0.0.0',
  'a=candidate:1 1 udp 2116026367 127.0.0.1 37087 typ host generation 0 ufrag 69ab',
  'a=candidate:2 1 udp 2116026367 192.0.2.2 37087 typ host generation 0 ufrag 69ab',
  'a=candidate:3 1 udp 2116026367 fd00::2 37088 typ host generation 0 ufrag 69ab',
  'a=candidate:4 1 udp 1677729535 203.0.113.9 50000 typ srflx raddr 127.0.0.1 rport 37087',
  'a=end-of-candidates',
  'a=ice-ufrag:69ab',
  'a=rtpmap:0 PCMU/8000',
  'a=rtpmap:126 telephone-event/8000',
  '',
].join('\r\n');

describe('answer candidates', () => {
  it('reads the connection address of a candidate line', () => {
    expect(candidateAddress('a=candidate:1 1 udp 2116026367 127.0.0.1 37087 typ host generation 0')).toBe('127.0.0.1');
    expect(candidateAddress('a=candidate:3 1 UDP 2116026367 fd00::2 37088 typ host')).toBe('fd00::2');
    expect(candidateAddress('a=ice-ufrag:69ab')).toBeNull();
    expect(candidateAddress('a=candidate:broken')).toBeNull();
  });

  it('keeps only the candidates on the bind address', () => {
    const kept = keepCandidatesOn(ANSWER, '127.0.0.1');
    expect(listCandidateAddresses(kept)).toEqual(['127.0.0.1']);
    expect(kept.split('\r\n').filter((line) => !ANSWER.includes(line))).toEqual([]);
    expect(kept).toContain('a=end-of-candidates');
    expect(kept).toContain('a=rtpmap:126 telephone-event/8000');
  });

  it('keeps a LAN address in site mode, and drops malformed candidate lines', () => {
    expect(listCandidateAddresses(keepCandidatesOn(ANSWER, '192.0.2.2'))).toEqual(['192.0.2.2']);
    expect(keepCandidatesOn(`${ANSWER}a=candidate:garbage\r\n`, '127.0.0.1')).not.toContain('garbage');
  });

  it("lists an offer's candidate addresses in order", () => {
    expect(listCandidateAddresses(CHROMIUM_OFFER)).toEqual(['192.0.2.2', 'fd00::2', '192.0.2.2', 'fd00::2']);
  });
});
