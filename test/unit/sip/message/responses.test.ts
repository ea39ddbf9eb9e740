import { describe, expect, it } from 'vitest';
import {
  buildErrorResponse,
  buildResponse,
  getHeader,
  getHeaderLines,
  getToTag,
  parseSipMessage,
  reasonPhrase,
  serializeSipMessage,
  type SipRequest,
} from '../../../../electron/sip/message';
import { INVITE, REGISTER, withHeader } from './fixtures';

function parsedRequest(text: string): SipRequest {
  const result = parseSipMessage(text);
  if (!result.ok || result.message.kind !== 'request') throw new Error('expected a request');
  return result.message;
}

const twoVias = INVITE.replace(
  'Via: SIP/2.0/WSS df7jal23ls0d.invalid;branch=z9hG4bK9201331;rport\r\n',
  'v: SIP/2.0/WSS proxy.example;branch=z9hG4bKp1, SIP/2.0/WSS p2.example;branch=z9hG4bKp2\r\n' +
    'Via: SIP/2.0/WSS df7jal23ls0d.invalid;branch=z9hG4bK9201331;rport\r\nTimestamp: 54\r\n',
);

describe('buildResponse (RFC 3261 §8.2.6)', () => {
  it('copies Via lines in order, From, To, Call-ID and CSeq, and adds the To tag', () => {
    const request = parsedRequest(twoVias);
    const response = buildResponse(request, 486, { toTag: 'b7c9' });
    expect(response).toMatchObject({ kind: 'response', status: 486, reason: 'Busy Here', version: 'SIP/2.0' });
    expect(response.headers.map((h) => h.name)).toEqual(['Via', 'Via', 'From', 'To', 'Call-ID', 'CSeq', 'Content-Length']);
    expect(getHeaderLines(response, 'Via')).toEqual(getHeaderLines(request, 'Via'));
    expect(getHeader(response, 'From')).toBe(getHeader(request, 'From'));
    expect(getHeader(response, 'To')).toBe('<sip:1002@pbx.example.com>;tag=b7c9');
    expect(getHeader(response, 'CSeq')).toBe('7003 INVITE');
    expect(getHeader(response, 'Content-Length')).toBe('0');
  });

  it('keeps an existing To tag and adds none to 100 Trying, which copies Timestamp', () => {
    const inDialog = parsedRequest(withHeader(INVITE, 'To', 'To: <sip:1002@pbx.example.com>;tag=abc'));
    expect(getToTag(buildResponse(inDialog, 200, { toTag: 'new' }))).toBe('abc');
    const trying = buildResponse(parsedRequest(twoVias), 100, { toTag: 'new' });
    expect(getToTag(trying)).toBeUndefined();
    expect(getHeader(trying, 'Timestamp')).toBe('54');
  });

  it('adds headers, a body and a custom reason; the result serialises and parses', () => {
    const response = buildResponse(parsedRequest(REGISTER), 200, {
      reason: 'Registered',
      toTag: 't1',
      headers: [{ name: 'Contact', value: '<sip:9h2c6b1n@df7jal23ls0d.invalid;transport=ws>;expires=600' }, { name: 'Content-Type', value: 'text/plain' }],
      body: 'ok',
    });
    const text = serializeSipMessage(response);
    expect(text.startsWith('SIP/2.0 200 Registered\r\n')).toBe(true);
    const again = parseSipMessage(text);
    expect(again.ok).toBe(true);
    expect(text.endsWith('Content-Length: 2\r\n\r\nok')).toBe(true);
  });

  it('refuses a To tag that is not a token', () => {
    expect(() => buildResponse(parsedRequest(REGISTER), 200, { toTag: 'a b' })).toThrow(TypeError);
  });

  it('has default reason phrases', () => {
    expect([100, 180, 200, 404, 420, 481, 505, 513, 599, 603].map(reasonPhrase)).toEqual([
      'Trying',
      'Ringing',
      'OK',
      'Not Found',
      'Bad Extension',
      'Call/Transaction Does Not Exist',
      'Version Not Supported',
      'Message Too Large',
      'Server Error',
      'Decline',
    ]);
  });
});

describe('buildErrorResponse', () => {
  it('answers a rejected request from what was readable', () => {
    const result = parseSipMessage(withHeader(twoVias, 'Max-Forwards', 'Max-Forwards: 1000'));
    if (result.ok) throw new Error('expected an error');
    const response = buildErrorResponse(result.error, { toTag: 'e1', warnAgent: 'pbx.example.com' });
    expect(response?.status).toBe(400);
    expect(response?.reason).toBe('Bad Request');
    expect(response && getHeaderLines(response, 'Via')).toHaveLength(2);
    expect(response && getHeader(response, 'To')).toBe('<sip:1002@pbx.example.com>;tag=e1');
    expect(response && getHeader(response, 'Warning')).toBe('399 pbx.example.com "Malformed Max-Forwards header"');
    expect(response && parseSipMessage(serializeSipMessage(response)).ok).toBe(true);
  });

  it('answers 505 for another SIP version, and adds a tag even to a malformed To', () => {
    const text = withHeader(REGISTER.replace('SIP/2.0\r\n', 'SIP/3.0\r\n'), 'To', 'To: "broken <sip:1001@pbx.example.com>');
    const result = parseSipMessage(text);
    if (result.ok) throw new Error('expected an error');
    const response = buildErrorResponse(result.error, { toTag: 'e2' });
    expect(response?.status).toBe(505);
    expect(response && getHeader(response, 'To')).toBe('"broken <sip:1001@pbx.example.com>;tag=e2');
  });

  it('does not add a second tag to a malformed To that has one', () => {
    const result = parseSipMessage(withHeader(REGISTER, 'To', 'To: Bad, Name <sip:1001@pbx.example.com> ; TAG = x'));
    if (result.ok) throw new Error('expected an error');
    expect(getHeader(buildErrorResponse(result.error, { toTag: 'e3' }) ?? { headers: [] }, 'To')).toBe(
      'Bad, Name <sip:1001@pbx.example.com> ; TAG = x',
    );
  });

  it('gives nothing for messages that must be dropped', () => {
    const result = parseSipMessage('SIP/2.0 999 Nope\r\n\r\n');
    if (result.ok) throw new Error('expected an error');
    expect(buildErrorResponse(result.error)).toBeUndefined();
  });
});
