import { describe, expect, it } from 'vitest';
import {
  getBodyText,
  parseSipMessage,
  parseUri,
  serializeSipMessage,
  serializeSipMessageBytes,
  setBody,
  type SipMessage,
  type SipRequest,
  type Uri,
} from '../../../../electron/sip/message';
import { INVITE, OK_RESPONSE, REGISTER } from './fixtures';

function parsed(text: string | Uint8Array): SipMessage {
  const result = parseSipMessage(text);
  if (!result.ok) throw new Error(result.error.reason);
  return result.message;
}

function request(headers: [string, string][], body = ''): SipRequest {
  return {
    kind: 'request',
    method: 'OPTIONS',
    requestUri: parseUri('sip:1002@pbx.example.com') as Uri,
    version: 'SIP/2.0',
    headers: headers.map(([name, value]) => ({ name, value })),
    body: new TextEncoder().encode(body),
  };
}

describe('serializeSipMessage', () => {
  it('reproduces canonical messages byte for byte', () => {
    for (const text of [REGISTER, INVITE, OK_RESPONSE]) expect(serializeSipMessage(parsed(text))).toBe(text);
  });

  it('writes CRLF lines, canonical header names and one correct Content-Length', () => {
    const m = request([
      ['v', 'SIP/2.0/WSS a.invalid;branch=z9hG4bK1'],
      ['l', '99'],
      ['cseq', '1 OPTIONS'],
      ['Content-Length', '3'],
      ['X-Empty', ''],
    ], 'héllo');
    expect(serializeSipMessage(m)).toBe(
      'OPTIONS sip:1002@pbx.example.com SIP/2.0\r\n' +
        'Via: SIP/2.0/WSS a.invalid;branch=z9hG4bK1\r\n' +
        'Content-Length: 6\r\n' +
        'CSeq: 1 OPTIONS\r\n' +
        'X-Empty:\r\n' +
        '\r\n' +
        'héllo',
    );
  });

  it('adds Content-Length when there is none', () => {
    expect(serializeSipMessage(request([['Call-ID', 'x']]))).toContain('Call-ID: x\r\nContent-Length: 0\r\n\r\n');
  });

  it('round-trips: serialise → parse gives the same message', () => {
    const m = parsed(INVITE);
    setBody(m, 'v=0\r\nüñí\r\n', 'application/sdp');
    const again = parsed(serializeSipMessage(m));
    expect(again).toEqual({ ...m, headers: again.headers });
    expect(again.headers.map((h) => [h.name, h.value])).toEqual(m.headers.map((h) => [h.name, h.value]));
    expect(getBodyText(again)).toBe('v=0\r\nüñí\r\n');
  });

  it('writes binary bodies as bytes, and refuses them as text', () => {
    const m = request([['Call-ID', 'x']]);
    setBody(m, new Uint8Array([0, 0xff, 0xfe]));
    const bytes = serializeSipMessageBytes(m);
    expect(Array.from(bytes.slice(-3))).toEqual([0, 0xff, 0xfe]);
    expect(new TextDecoder().decode(bytes)).toContain('Content-Length: 3\r\n');
    expect(() => serializeSipMessage(m)).toThrow(TypeError);
  });

  it('refuses to write header injection or an invalid start line', () => {
    expect(() => serializeSipMessage(request([['X-A', 'a\r\nVia: evil']]))).toThrow(TypeError);
    expect(() => serializeSipMessage(request([['Bad Name', 'a']]))).toThrow(TypeError);
    expect(() => serializeSipMessage({ ...request([]), method: 'IN VITE' })).toThrow(TypeError);
    const response = parsed(OK_RESPONSE);
    expect(() => serializeSipMessage({ ...response, status: 1000 } as SipMessage)).toThrow(TypeError);
    expect(() => serializeSipMessage({ ...response, reason: 'OK\r\nX: y' } as SipMessage)).toThrow(TypeError);
  });
});
