import { describe, expect, it } from 'vitest';
import { profileUrlFromNotify } from '../../../../electron/host/provisioning/profileUrl';
import type { SipRequest } from '../../../../electron/sip/message';

function notify(contentType: string | null, body: string): SipRequest {
  return {
    kind: 'request',
    method: 'NOTIFY',
    requestUri: { kind: 'sip' } as SipRequest['requestUri'],
    version: 'SIP/2.0',
    headers: contentType ? [{ name: 'Content-Type', value: contentType }] : [],
    body: new TextEncoder().encode(body),
  };
}

describe('profileUrlFromNotify', () => {
  it('reads application/url bodies and message/external-body URL parameters', () => {
    expect(profileUrlFromNotify(notify('application/url', 'http://pbx/provisioning/t.json\r\n'))).toBe('http://pbx/provisioning/t.json');
    expect(
      profileUrlFromNotify(notify('message/external-body;access-type="URL";URL="https://pbx/provisioning/t.json"', 'Content-Type: application/json\r\n\r\n')),
    ).toBe('https://pbx/provisioning/t.json');
  });

  it('ignores NOTIFYs without a usable http(s) URL', () => {
    expect(profileUrlFromNotify(notify(null, ''))).toBeNull();
    expect(profileUrlFromNotify(notify('application/url', 'file:///etc/passwd'))).toBeNull();
    expect(profileUrlFromNotify(notify('application/url', 'http://user:secret@pbx/p.json'))).toBeNull();
    expect(profileUrlFromNotify(notify('message/external-body;access-type="anon-ftp";URL="http://pbx/p.json"', ''))).toBeNull();
    expect(profileUrlFromNotify(notify('text/plain', 'http://pbx/p.json'))).toBeNull();
  });
});
