import { describe, expect, it } from 'vitest';
import { dtmfKeyOfInfo } from '../../../../electron/pbx/core/ivr/dtmfInfo';
import { parseSipMessage, type SipRequest } from '../../../../electron/sip/message';

function info(contentType: string | null, body: string): SipRequest {
  const text = [
    'INFO sip:*77*100*@127.0.0.1;transport=ws SIP/2.0',
    'Via: SIP/2.0/WS a.invalid;branch=z9hG4bKabc',
    'From: <sip:HD0001@hotdesk.local>;tag=1',
    'To: <sip:*77*100*@hotdesk.local>;tag=2',
    'Call-ID: c1',
    'CSeq: 3 INFO',
    ...(contentType === null ? [] : [`Content-Type: ${contentType}`]),
    `Content-Length: ${Buffer.byteLength(body)}`,
    '',
    body,
  ].join('\r\n');
  const parsed = parseSipMessage(text);
  if (!parsed.ok || parsed.message.kind !== 'request') throw new Error('bad test message');
  return parsed.message;
}

describe('DTMF keys carried by SIP INFO', () => {
  it('reads application/dtmf-relay as JsSIP sends it (Signal + Duration lines)', () => {
    expect(dtmfKeyOfInfo(info('application/dtmf-relay', 'Signal=9\r\nDuration=100'))).toBe('9');
    expect(dtmfKeyOfInfo(info('application/dtmf-relay', 'Signal=#\r\nDuration=100'))).toBe('#');
    expect(dtmfKeyOfInfo(info('Application/DTMF-Relay; charset=x', 'signal = *\r\n'))).toBe('*');
    expect(dtmfKeyOfInfo(info('application/dtmf-relay', 'Signal=11\r\nDuration=160'))).toBe('#');
  });

  it('reads application/dtmf (the key alone)', () => {
    expect(dtmfKeyOfInfo(info('application/dtmf', '5'))).toBe('5');
  });

  it('ignores other INFO (captions, unknown bodies) and malformed keys', () => {
    expect(dtmfKeyOfInfo(info('text/plain;charset=utf-8', 'Signal=5'))).toBeNull();
    expect(dtmfKeyOfInfo(info(null, ''))).toBeNull();
    expect(dtmfKeyOfInfo(info('application/dtmf-relay', 'Duration=100'))).toBeNull();
    expect(dtmfKeyOfInfo(info('application/dtmf-relay', 'Signal=99'))).toBeNull();
    expect(dtmfKeyOfInfo(info('application/dtmf', '12'))).toBeNull();
  });
});
