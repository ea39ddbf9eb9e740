import { describe, expect, it } from 'vitest';
import { bodyParts, buildMultipart, findBodyPart, findBodyPartById, parseMultipart } from '../../../../electron/sip';

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');
const SDP = 'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\n';
const XML = '<?xml version="1.0"?>\n<presence entity="pres:hd@x">Tür &amp; Tor</presence>';

describe('multipart/mixed bodies (RFC 2046 §5.1)', () => {
  it('round-trips an SDP part and a PIDF-LO part with their header fields, byte for byte', () => {
    const built = buildMultipart(
      [
        { headers: [{ name: 'Content-Type', value: 'application/sdp' }], body: Buffer.from(SDP) },
        { headers: [{ name: 'Content-Type', value: 'application/pidf+xml' }, { name: 'Content-ID', value: '<loc1@hotdesk.local>' }], body: Buffer.from(XML) },
      ],
      'hotdesk-b1',
    );
    expect(built.contentType).toBe('multipart/mixed;boundary="hotdesk-b1"');
    const parts = parseMultipart(built.body, 'hotdesk-b1');
    expect(parts?.map((part) => [part.headers, text(part.body)])).toEqual([
      [[{ name: 'Content-Type', value: 'application/sdp' }], SDP],
      [[{ name: 'Content-Type', value: 'application/pidf+xml' }, { name: 'Content-ID', value: '<loc1@hotdesk.local>' }], XML],
    ]);
    const message = { headers: [{ name: 'Content-Type', value: built.contentType }], body: built.body };
    expect(text(findBodyPart(message, 'application/sdp')?.body ?? new Uint8Array())).toBe(SDP);
    expect(text(findBodyPartById(message, 'loc1@hotdesk.local')?.body ?? new Uint8Array())).toBe(XML);
  });

  it('ignores a preamble and an epilogue, and reads a part without header fields', () => {
    const body = Buffer.from('preamble\r\n--b\r\n\r\nplain\r\n--b\r\nContent-Type: text/plain\r\n\r\nsecond\r\n--b--\r\nepilogue');
    expect(parseMultipart(body, 'b')?.map((part) => text(part.body))).toEqual(['plain', 'second']);
  });

  it('says a body without its closing delimiter or with a part lacking the blank line is malformed', () => {
    expect(parseMultipart(Buffer.from('--b\r\nContent-Type: text/plain\r\n\r\nx\r\n'), 'b')).toBeUndefined();
    expect(parseMultipart(Buffer.from('--b\r\nContent-Type: text/plain\r\nx\r\n--b--'), 'b')).toBeUndefined();
    expect(parseMultipart(Buffer.from('no delimiter at all'), 'b')).toBeUndefined();
    const message = { headers: [{ name: 'Content-Type', value: 'multipart/mixed;boundary=b' }], body: Buffer.from('--b\r\n') };
    expect(bodyParts(message)).toEqual([]);
  });

  it('treats a single-part body as its only part', () => {
    const message = { headers: [{ name: 'Content-Type', value: 'application/sdp' }], body: Buffer.from(SDP) };
    expect(text(findBodyPart(message, 'application/sdp')?.body ?? new Uint8Array())).toBe(SDP);
    expect(findBodyPart(message, 'application/pidf+xml')).toBeUndefined();
  });

  it('refuses a boundary that a part contains, or one RFC 2046 does not allow', () => {
    expect(() => buildMultipart([{ headers: [], body: Buffer.from('x\r\n--b\r\n') }], 'b')).toThrow(/contains the multipart boundary/);
    expect(() => buildMultipart([], 'bad"boundary')).toThrow(/not a valid multipart boundary/);
  });
});
