import { describe, expect, it } from 'vitest';
import { parseVia, parseViaList, serializeVia } from '../../../../electron/sip/message';

describe('Via (RFC 3261 §20.42, RFC 3581)', () => {
  it('reads sent-protocol, sent-by and the parameters', () => {
    expect(parseVia('SIP/2.0/WSS df7jal23ls0d.invalid:443;branch=z9hG4bK776asdhds;received=192.0.2.1;rport=50342')).toEqual({
      protocolName: 'SIP',
      protocolVersion: '2.0',
      transport: 'WSS',
      host: 'df7jal23ls0d.invalid',
      port: 443,
      params: [
        { name: 'branch', value: 'z9hG4bK776asdhds' },
        { name: 'received', value: '192.0.2.1' },
        { name: 'rport', value: '50342' },
      ],
      branch: 'z9hG4bK776asdhds',
      received: '192.0.2.1',
      rport: 50342,
    });
  });

  it('allows LWS around "/", ":", ";" and "=" and any transport token', () => {
    const via = parseVia('SIP  /   2.0 / UNKNOWN   t4.example.com  :  5060  ;  branch =  z9hG4bKx ; rport ; maddr=224.2.0.1;ttl=16');
    expect(via).toMatchObject({ transport: 'UNKNOWN', host: 't4.example.com', port: 5060, branch: 'z9hG4bKx', rport: true, maddr: '224.2.0.1', ttl: 16 });
  });

  it('reads IPv6 sent-by and received', () => {
    expect(parseVia('SIP/2.0/UDP [2001:db8::9:1]:5060;received=2001:db8::9:255;branch=z9hG4bKas3')).toMatchObject({
      host: '[2001:db8::9:1]',
      port: 5060,
      received: '2001:db8::9:255',
    });
    expect(parseVia('SIP/2.0/UDP [2001:db8::9:1];received=[2001:db8::9:255]')).toMatchObject({ received: '[2001:db8::9:255]' });
  });

  it.each([
    'SIP/2.0/UDP 192.0.2.15;;,;,,',
    'SIP/2.0/UDP',
    'SIP/2.0 host.example.com',
    'SIP/2.0/UDPhost.example.com',
    'SIP/2.0/UDP host.example.com:99999',
    'SIP/2.0/UDP host.example.com;branch',
    'SIP/2.0/UDP host.example.com;branch="quoted"',
    'SIP/2.0/UDP host.example.com;received=host.example.com',
    'SIP/2.0/UDP host.example.com;rport=abc',
    'SIP/2.0/UDP host.example.com;ttl=256',
    'SIP/2.0/UDP host.example.com;maddr=bad_host',
    'SIP/2.0/UDP host.example.com junk',
    'SIP/2.0/UDP [2001:db8::1',
    'SIP/2.0/UDP -bad.example.com',
  ])('refuses %j', (value) => {
    expect(parseVia(value)).toBeUndefined();
  });

  it('reads comma-separated lists and refuses empty elements', () => {
    expect(parseViaList('SIP/2.0/TCP a.example;branch=z9hG4bK1, SIP/2.0/UDP b.example;branch=z9hG4bK2')?.map((v) => v.host)).toEqual([
      'a.example',
      'b.example',
    ]);
    expect(parseViaList('SIP/2.0/TCP a.example,,SIP/2.0/UDP b.example')).toBeUndefined();
    expect(parseViaList('SIP/2.0/TCP a.example;x="1,2";branch=z9hG4bK1')?.[0]?.branch).toBe('z9hG4bK1');
  });

  it('serialises canonically', () => {
    const via = parseVia('SIP / 2.0 / TCP  [::1] : 5060 ; branch = z9hG4bKx ; rport');
    expect(via && serializeVia(via)).toBe('SIP/2.0/TCP [::1]:5060;branch=z9hG4bKx;rport');
  });
});
