import { describe, expect, it } from 'vitest';
import {
  escapeUriUser,
  getUriParam,
  hostKind,
  normalizeEscapes,
  parseUri,
  serializeUri,
  unescapeUriComponent,
  urisEqual,
  type Uri,
} from '../../../../electron/sip/message';

function must(text: string): Uri {
  const uri = parseUri(text);
  if (!uri) throw new Error(`does not parse: ${text}`);
  return uri;
}

describe('SIP and SIPS URIs (RFC 3261 §19.1)', () => {
  it('parses every component', () => {
    expect(parseUri('sips:alice:secret@atlanta.com:5061;transport=tcp;lr?subject=project%20x&priority=urgent')).toEqual({
      kind: 'sip',
      scheme: 'sips',
      user: 'alice',
      password: 'secret',
      host: 'atlanta.com',
      port: 5061,
      params: [{ name: 'transport', value: 'tcp' }, { name: 'lr' }],
      headers: [
        { name: 'subject', value: 'project%20x' },
        { name: 'priority', value: 'urgent' },
      ],
    });
  });

  it('accepts hosts without a user, IPv4 and IPv6 references, and an upper-case scheme', () => {
    expect(must('sip:pbx.example.com')).toEqual({ kind: 'sip', scheme: 'sip', host: 'pbx.example.com', params: [], headers: [] });
    expect(must('sip:192.0.2.4:5060')).toMatchObject({ host: '192.0.2.4', port: 5060 });
    expect(must('sip:bob@[2001:db8::10]:5070;maddr=[::1]')).toMatchObject({ host: '[2001:db8::10]', port: 5070 });
    expect(must('SIP:ALICE@AtLanTa.CoM')).toMatchObject({ scheme: 'sip', user: 'ALICE', host: 'AtLanTa.CoM' });
    expect(must('sip:a@[::ffff:192.0.2.1]')).toMatchObject({ host: '[::ffff:192.0.2.1]' });
  });

  it('keeps the userinfo whole up to the "@" even with ";", "?" and "/" in it', () => {
    expect(must('sip:user;par=u%40example.net@example.com')).toMatchObject({ user: 'user;par=u%40example.net', params: [] });
    expect(must('sip:+1-212-555-1212;phone-context=x@gw.example.com;user=phone')).toMatchObject({
      user: '+1-212-555-1212;phone-context=x',
      params: [{ name: 'user', value: 'phone' }],
    });
  });

  it.each([
    'sip:',
    'sip:@example.com',
    'sip:a@b@example.com',
    'sip:alice@',
    'sip:alice@exa mple.com',
    'sip:alice@-bad.example.com',
    'sip:alice@example.123',
    'sip:alice@example..com',
    'sip:alice@1.2.3.256',
    'sip:alice@[2001:db8::1',
    'sip:alice@[2001:db8:::1]',
    'sip:alice@[1:2:3:4:5:6:7:8:9]',
    'sip:alice@example.com:',
    'sip:alice@example.com:65536',
    'sip:alice@example.com:5o60',
    'sip:al%G1ce@example.com',
    'sip:al%4@example.com',
    'sip:alice@example.com;;lr',
    'sip:alice@example.com;name=',
    'sip:alice@example.com;a=b=c',
    'sip:alice@example.com?',
    'sip:alice@example.com?novalue',
    'sip:al ice@example.com',
    'sip:alice@example.com>',
  ])('refuses %j', (text) => {
    expect(parseUri(text)).toBeUndefined();
  });

  it('serialises back to the same text', () => {
    for (const text of [
      'sip:alice@atlanta.com',
      'sips:alice:pw@atlanta.com:5061;transport=tcp;lr?subject=project%20x&priority=urgent',
      'sip:[2001:db8::1]:5060;maddr=239.255.255.1;ttl=15',
      "sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*:&it+has=1,weird!*pas$wo~d_too.(doesn't-it)@example.com",
      'sip:cal%6Cer@host5.example.net;%6C%72;n%61me=v%61lue%25%34%31',
      'tel:+1-201-555-0123;ext=99',
      'urn:uuid:4b3c1e0e-49a5-4f27-9a0b-3a0b9e3f5a10',
    ]) {
      expect(serializeUri(must(text))).toBe(text);
    }
  });

  it('reads parameters case-insensitively', () => {
    const uri = must('sip:a@b.example;Transport=TCP;LR');
    if (uri.kind !== 'sip') throw new Error('expected a SIP URI');
    expect(getUriParam(uri, 'transport')).toBe('TCP');
    expect(getUriParam(uri, 'lr')).toBe('');
    expect(getUriParam(uri, 'maddr')).toBeUndefined();
  });
});

describe('tel and other absolute URIs', () => {
  it('parses global and local tel numbers', () => {
    expect(parseUri('tel:+1-201-555-0123')).toEqual({ kind: 'tel', scheme: 'tel', number: '+1-201-555-0123', params: [] });
    expect(parseUri('tel:7042;phone-context=example.com')).toMatchObject({ kind: 'tel', number: '7042' });
  });

  it('treats a tel URI that is not RFC 3966 as a plain absoluteURI', () => {
    expect(parseUri('tel:7042')).toEqual({ kind: 'absolute', scheme: 'tel', value: '7042' });
  });

  it('accepts any scheme with uric characters and refuses what is not a URI', () => {
    expect(parseUri('http://www.example.com/a?b=c')).toEqual({ kind: 'absolute', scheme: 'http', value: '//www.example.com/a?b=c' });
    expect(parseUri('nobodyKnowsThisScheme:totallyopaquecontent')).toMatchObject({ kind: 'absolute' });
    for (const text of ['<sip:a@b>', '1abc:foo', 'mailto:', 'no-colon', ':foo', 'x:has space', 'x:%zz', 'x:a"b']) {
      expect(parseUri(text), text).toBeUndefined();
    }
  });
});

describe('URI comparison (RFC 3261 §19.1.4)', () => {
  it.each([
    ['sip:%61lice@atlanta.com;transport=TCP', 'sip:alice@AtLanTa.CoM;Transport=tcp'],
    ['sip:carol@chicago.com', 'sip:carol@chicago.com;newparam=5'],
    ['sip:carol@chicago.com', 'sip:carol@chicago.com;security=on'],
    ['sip:carol@chicago.com;newparam=5', 'sip:carol@chicago.com;security=on'],
    [
      'sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com',
      'sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com',
    ],
    ['sip:alice@atlanta.com?subject=project%20x&priority=urgent', 'sip:alice@atlanta.com?priority=urgent&subject=project%20x'],
    ['sip:%75se%72@example.com', 'sip:user@example.com'],
    ['sip:a@[2001:db8::1]', 'sip:a@[2001:DB8:0:0:0:0:0:1]'],
    ['sip:a@h.example;maddr=x.example', 'sip:a@h.example;MADDR=X.example'],
    ['tel:+1-201-555-0123', 'tel:+12015550123'],
    ['tel:7042;phone-context=Example.com', 'tel:70-42;phone-context=example.com'],
    ['urn:foo:%62ar', 'URN:foo:bar'],
  ])('%s equals %s', (a, b) => {
    expect(urisEqual(must(a), must(b))).toBe(true);
    expect(urisEqual(must(b), must(a))).toBe(true);
  });

  it.each([
    ['SIP:ALICE@AtLanTa.CoM;Transport=udp', 'sip:alice@AtLanTa.CoM;Transport=UDP'],
    ['sip:bob@biloxi.com', 'sip:bob@biloxi.com:5060'],
    ['sip:bob@biloxi.com', 'sip:bob@biloxi.com;transport=udp'],
    ['sip:bob@biloxi.com', 'sip:bob@biloxi.com:6000;transport=tcp'],
    ['sip:carol@chicago.com', 'sip:carol@chicago.com?Subject=next%20meeting'],
    ['sip:bob@phone21.boxesbybob.com', 'sip:bob@192.0.2.4'],
    ['sip:alice@atlanta.com', 'sips:alice@atlanta.com'],
    ['sip:a@h.example', 'sip:a@h.example;user=phone'],
    ['sip:a@h.example', 'sip:a@h.example;maddr=h.example'],
    ['sip:a@h.example;ttl=1', 'sip:a@h.example'],
    ['sip:a@h.example;method=INVITE', 'sip:a@h.example'],
    ['sip:a@h.example;newparam=5', 'sip:a@h.example;newparam=6'],
    ['sip:a:pw@h.example', 'sip:a@h.example'],
    ['sip:a%3Bb@h.example', 'sip:a;b@h.example'],
    ['sip:a@h.example;name=value%2541', 'sip:a@h.example;name=valueA'],
    ['tel:+1-201-555-0123', 'tel:+1-201-555-0123;ext=1'],
    ['tel:+1-201-555-0123', 'sip:+1-201-555-0123@h.example'],
  ])('%s differs from %s', (a, b) => {
    expect(urisEqual(must(a), must(b))).toBe(false);
    expect(urisEqual(must(b), must(a))).toBe(false);
  });
});

describe('escapes', () => {
  it('unescapes fully, keeping NULs and non-escapes', () => {
    expect(unescapeUriComponent('null-%00-null')).toBe('null-\u0000-null');
    expect(unescapeUriComponent('I%20have%20spaces')).toBe('I have spaces');
    expect(unescapeUriComponent('%C3%A9t%C3%A9')).toBe('été');
    expect(unescapeUriComponent('100%')).toBe('100%');
    expect(unescapeUriComponent('v%61lue%25%34%31')).toBe('value%41');
  });

  it('normalises for comparison without decoding reserved characters or recursing', () => {
    expect(normalizeEscapes('%61%6c%3b%2F%25%34%31')).toBe('al%3B%2F%2541');
  });

  it('escapes what a user part cannot carry', () => {
    expect(escapeUriUser('a b@c;d%')).toBe('a%20b%40c;d%25');
    expect(parseUri(`sip:${escapeUriUser('weird user@#1')}@example.com`)).toBeDefined();
  });

  it('classifies hosts', () => {
    expect(['example.com', 'example.com.', '192.0.2.1', '[::1]', 'a-b.c', '1.2.3', 'a_b.com', '[x]'].map(hostKind)).toEqual([
      'hostname',
      'hostname',
      'ipv4',
      'ipv6',
      'hostname',
      undefined,
      undefined,
      undefined,
    ]);
  });
});
