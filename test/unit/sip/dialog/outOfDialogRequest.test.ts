import { describe, expect, it } from 'vitest';
import { buildOutOfDialogRequest } from '../../../../electron/sip/dialog';
import { parseSipUri, serializeSipMessage, type SipUri } from '../../../../electron/sip/message';

describe('a request outside any dialog (RFC 3261 §8.1.1)', () => {
  it('carries Max-Forwards, a tagged From, an untagged To, Call-ID, CSeq, a WebSocket Contact, then the extra fields', () => {
    const request = buildOutOfDialogRequest({
      method: 'SUBSCRIBE',
      requestUri: parseSipUri('sip:0200000000aa@hotdesk.local') as SipUri,
      from: { uri: 'sip:0200000000aa@hotdesk.local', tag: 't1' },
      to: 'sip:0200000000aa@hotdesk.local',
      callId: 'c1',
      cseq: 1,
      contact: { user: '0200000000aa', host: 'k3j2.invalid', secure: true },
      headers: [{ name: 'Event', value: 'ua-profile' }],
    });
    expect(request.headers).toEqual([
      { name: 'Max-Forwards', value: '70' },
      { name: 'From', value: '<sip:0200000000aa@hotdesk.local>;tag=t1' },
      { name: 'To', value: '<sip:0200000000aa@hotdesk.local>' },
      { name: 'Call-ID', value: 'c1' },
      { name: 'CSeq', value: '1 SUBSCRIBE' },
      { name: 'Contact', value: '<sip:0200000000aa@k3j2.invalid;transport=wss>' },
      { name: 'Event', value: 'ua-profile' },
      { name: 'Content-Length', value: '0' },
    ]);
    expect(serializeSipMessage(request)).toMatch(/^SUBSCRIBE sip:0200000000aa@hotdesk\.local SIP\/2\.0\r\n/);
  });
});
