import { describe, expect, it } from 'vitest';
import {
  getContactExpires,
  getContactQ,
  getParam,
  parseContactValue,
  parseNameAddr,
  parseNameAddrList,
  serializeNameAddr,
  type NameAddr,
} from '../../../../electron/sip/message';

function must(value: string, requireBrackets = false): NameAddr {
  const parsed = parseNameAddr(value, { requireBrackets });
  if (!parsed) throw new Error(`does not parse: ${value}`);
  return parsed;
}

describe('name-addr / addr-spec (RFC 3261 §20.10, §25.1)', () => {
  it('reads a quoted display name, resolving quoted-pairs', () => {
    const na = must('"Bell, \\"Alex\\" \\\\ A." <sip:a.g.bell@example.com>;tag=43');
    expect(na.displayName).toBe('Bell, "Alex" \\ A.');
    expect(na.uri).toMatchObject({ kind: 'sip', user: 'a.g.bell', host: 'example.com' });
    expect(na.params).toEqual([{ name: 'tag', value: '43' }]);
  });

  it('reads a token display name, with or without space before <', () => {
    expect(must('Alice  Liddell <sip:alice@example.com>').displayName).toBe('Alice Liddell');
    expect(must('caller<sip:caller@example.com>').displayName).toBe('caller');
    expect(must('<sip:caller@example.com>').displayName).toBeUndefined();
    expect(must('"" <sip:caller@example.com>').displayName).toBe('');
  });

  it('gives the parameters after an addr-spec to the header, those inside <> to the URI', () => {
    const bare = must('sip:+19725552222@gw1.example.net;unknownparam;tag=1');
    expect(bare.uri).toMatchObject({ params: [] });
    expect(bare.params).toEqual([{ name: 'unknownparam' }, { name: 'tag', value: '1' }]);
    const bracketed = must('<sip:+19725552222@gw1.example.net;unknownparam>;tag=1');
    expect(bracketed.uri).toMatchObject({ params: [{ name: 'unknownparam' }] });
    expect(bracketed.params).toEqual([{ name: 'tag', value: '1' }]);
  });

  it('allows LWS around separators and quoted or IPv6 parameter values', () => {
    const na = must(' sip:a@b.example ;  tag = x1 ; q=0.5; name="a;b, c" ; received=[2001:db8::1]');
    expect(na.params).toEqual([
      { name: 'tag', value: 'x1' },
      { name: 'q', value: '0.5' },
      { name: 'name', value: '"a;b, c"' },
      { name: 'received', value: '[2001:db8::1]' },
    ]);
    expect(getParam(na.params, 'NAME')).toBe('a;b, c');
    expect(getParam(na.params, 'missing')).toBeUndefined();
  });

  it('accepts absolute URIs of any scheme', () => {
    expect(must('isbn:2983792873').uri).toEqual({ kind: 'absolute', scheme: 'isbn', value: '2983792873' });
    expect(must('<http://www.example.com>;tag=3').uri).toMatchObject({ kind: 'absolute', scheme: 'http' });
    expect(must('Joe <tel:+1-201-555-0123>').uri).toMatchObject({ kind: 'tel' });
  });

  it.each([
    ['"Mr. J. User <sip:j.user@example.com>', 'unterminated quoted string'],
    ['Bell, Alexander <sip:a.g.bell@example.com>;tag=43', 'non-token display name'],
    ['< sip:t.watson@example.org >', 'spaces inside <>'],
    ['sip:user@example.com?Route=%3Csip:sip.example.com%3E', '"?" outside <>'],
    ['sip:a@b.example, sip:c@d.example', 'comma outside <> in a single value'],
    ['<sip:a@b.example', 'no >'],
    ['"Joe" sip:joe@example.org', 'quoted name without <>'],
    ['"Joe" <sip:joe@example.org>;;;;', 'empty parameters'],
    ['<sip:a@b.example>;tag=', 'parameter without value after ='],
    ['<sip:a@b.example> junk', 'trailing text'],
    ['<sip:a@b.example>;tag="x', 'unterminated quoted parameter'],
    ['', 'empty'],
    ['Joe', 'no URI'],
  ])('refuses %j (%s)', (value) => {
    expect(parseNameAddr(value)).toBeUndefined();
  });

  it('requires <> where the grammar does (Route, Record-Route)', () => {
    expect(parseNameAddr('sip:p1.example.com;lr', { requireBrackets: true })).toBeUndefined();
    expect(must('<sip:p1.example.com;lr>', true).uri).toMatchObject({ params: [{ name: 'lr' }] });
  });

  it('splits lists at commas outside quotes and <>', () => {
    const list = parseNameAddrList('"A, B" <sip:a@x.example>, <sip:1_b?,/;@y.example;lr>;q=0.1 ,sip:c@z.example');
    expect(list?.map((na) => na.displayName)).toEqual(['A, B', undefined, undefined]);
    expect(list?.[1]?.uri).toMatchObject({ user: '1_b?,/;', host: 'y.example' });
    expect(parseNameAddrList('<sip:a@x.example>,,<sip:b@x.example>')).toBeUndefined();
  });

  it('serialises in name-addr form, quoting the display name', () => {
    const na = must('token1~` token2 <sip:mundane@example.com>;tag=_x');
    expect(serializeNameAddr(na)).toBe('"token1~` token2" <sip:mundane@example.com>;tag=_x');
    expect(serializeNameAddr(must('sip:a@b.example;tag=1'))).toBe('<sip:a@b.example>;tag=1');
    const controls = must('"BEL:\\\u0007 NUL:\\\u0000 \\"q\\"" <sip:a@b.example>');
    expect(controls.displayName).toBe('BEL:\u0007 NUL:\u0000 "q"');
    expect(parseNameAddr(serializeNameAddr(controls))).toEqual(controls);
  });
});

describe('Contact values', () => {
  it('reads the wildcard and contact lists', () => {
    expect(parseContactValue(' * ')).toEqual({ wildcard: true, contacts: [] });
    expect(parseContactValue('<sip:a@x.example>;expires=60, <sip:b@y.example>;q=0.7')?.contacts).toHaveLength(2);
    expect(parseContactValue('*, <sip:a@x.example>')).toBeUndefined();
  });

  it('reads expires and q, refusing out-of-range values', () => {
    const [a, b] = parseContactValue('<sip:a@x.example>;expires=0600;q=0.75, <sip:b@y.example>;expires=280297596632815;q=1.5')?.contacts ?? [];
    expect([a && getContactExpires(a), a && getContactQ(a)]).toEqual([600, 0.75]);
    expect([b && getContactExpires(b), b && getContactQ(b)]).toEqual([undefined, undefined]);
  });
});
