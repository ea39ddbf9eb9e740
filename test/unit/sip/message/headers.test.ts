import { describe, expect, it } from 'vitest';
import {
  addHeader,
  canonicalHeaderName,
  getCallId,
  getContentLength,
  getContentType,
  getCSeq,
  getDate,
  getEventPackage,
  getExpires,
  getHeader,
  getHeaderLines,
  getHeaders,
  getMaxForwards,
  getOptionTags,
  getRoutes,
  getTopVia,
  hasHeader,
  parseCSeq,
  parseSipDate,
  parseSipMessage,
  prependHeader,
  removeHeader,
  setHeader,
  splitHeaderList,
  type HeaderBag,
  type SipMessage,
} from '../../../../electron/sip/message';
import { REGISTER } from './fixtures';

function parsed(text: string): SipMessage {
  const result = parseSipMessage(text);
  if (!result.ok) throw new Error(result.error.reason);
  return result.message;
}

function bag(...lines: [string, string][]): HeaderBag {
  return { headers: lines.map(([name, value]) => ({ name, value })) };
}

describe('header lookup', () => {
  it('maps every compact form (RFC 3261 §7.3.3 and extensions)', () => {
    const compact: Record<string, string> = {
      i: 'Call-ID',
      m: 'Contact',
      f: 'From',
      t: 'To',
      v: 'Via',
      l: 'Content-Length',
      c: 'Content-Type',
      k: 'Supported',
      s: 'Subject',
      e: 'Content-Encoding',
      o: 'Event',
      r: 'Refer-To',
      u: 'Allow-Events',
      b: 'Referred-By',
    };
    for (const [short, long] of Object.entries(compact)) {
      expect(canonicalHeaderName(short)).toBe(long);
      expect(canonicalHeaderName(short.toUpperCase())).toBe(long);
      expect(getHeader(bag([short, 'x']), long)).toBe('x');
      expect(getHeader(bag([long.toUpperCase(), 'y']), short)).toBe('y');
    }
    expect(canonicalHeaderName('cseq')).toBe('CSeq');
    expect(canonicalHeaderName('X-Custom')).toBe('X-Custom');
  });

  it('is not fooled by names of Object.prototype', () => {
    expect(canonicalHeaderName('constructor')).toBe('constructor');
    expect(getHeader(bag(['__proto__', 'p']), '__proto__')).toBe('p');
  });

  it('splits list headers across lines, respecting quotes and <>', () => {
    const b = bag(
      ['Contact', '"Doe, J" <sip:a@x.example;p=1,2>, <sip:b@y.example>'],
      ['m', '<sip:c@z.example>'],
      ['Supported', 'path, gruu,,outbound'],
    );
    expect(getHeaders(b, 'Contact')).toEqual(['"Doe, J" <sip:a@x.example;p=1,2>', '<sip:b@y.example>', '<sip:c@z.example>']);
    expect(getHeader(b, 'contact')).toBe('"Doe, J" <sip:a@x.example;p=1,2>');
    expect(getHeaders(b, 'Supported')).toEqual(['path', 'gruu', 'outbound']);
    expect(getHeaderLines(b, 'CONTACT')).toHaveLength(2);
  });

  it('does not split headers that are not lists', () => {
    const b = bag(
      ['Date', 'Sat, 15 Oct 2005 04:44:56 GMT'],
      ['Authorization', 'Digest username="a", realm="b"'],
      ['X-Unknown', 'a, b'],
      ['Call-ID', 'a,b'],
    );
    expect(getHeaders(b, 'Date')).toEqual(['Sat, 15 Oct 2005 04:44:56 GMT']);
    expect(getHeaders(b, 'Authorization')).toHaveLength(1);
    expect(getHeaders(b, 'X-Unknown')).toEqual(['a, b']);
    expect(getHeader(b, 'i')).toBe('a,b');
  });

  it('splits with the quote state of the whole line', () => {
    expect(splitHeaderList('"a\\"," <sip:x>, b')).toEqual(['"a\\"," <sip:x>', 'b']);
    expect(splitHeaderList('"unterminated, x')).toEqual(['"unterminated, x']);
    expect(splitHeaderList(',')).toEqual(['', '']);
  });
});

describe('header editing', () => {
  it('sets, adds, prepends and removes, across compact forms', () => {
    const b = bag(['v', 'SIP/2.0/WSS a.invalid;branch=z9hG4bK1'], ['To', '<sip:a@x>'], ['l', '0'], ['Content-Length', '5']);
    prependHeader(b, 'Via', 'SIP/2.0/WSS pbx.example;branch=z9hG4bK2');
    expect(b.headers[0]?.value).toContain('z9hG4bK2');
    expect(getHeaders(b, 'via')).toHaveLength(2);
    setHeader(b, 'Content-Length', '12');
    expect(getHeaderLines(b, 'l')).toEqual(['12']);
    expect(b.headers.map((h) => h.name)).toEqual(['Via', 'v', 'To', 'Content-Length']);
    setHeader(b, 'Max-Forwards', '70');
    expect(b.headers.at(-1)).toEqual({ name: 'Max-Forwards', value: '70' });
    addHeader(b, 'Route', '<sip:p.example;lr>');
    expect(removeHeader(b, 'v')).toBe(2);
    expect(hasHeader(b, 'Via')).toBe(false);
    expect(removeHeader(b, 'Via')).toBe(0);
    prependHeader(b, 'Via', 'SIP/2.0/WSS x.invalid');
    expect(b.headers[0]?.name).toBe('Via');
  });
});

describe('header folding and names in a parsed message (RFC 3261 §7.3.1)', () => {
  const base = REGISTER.replace('Content-Length: 0\r\n', '');

  it('unfolds continuation lines with SP or HTAB into single spaces', () => {
    const m = parsed(base.replace('User-Agent: JsSIP 3.13.8', 'User-Agent: JsSIP   \r\n \t 3.13.8\r\n\tbuilt  for\r\n   tests'));
    expect(getHeader(m, 'User-Agent')).toBe('JsSIP 3.13.8 built  for tests');
  });

  it('unfolds structured headers before parsing them', () => {
    const m = parsed(base.replace('CSeq: 1 REGISTER', 'CSeq:\r\n 0001\r\n\tREGISTER'));
    expect(getCSeq(m)).toEqual({ seq: 1, method: 'REGISTER' });
  });

  it('accepts whitespace before the colon and any case', () => {
    const m = parsed(base.replace('Call-ID: ', 'cALL-iD   \t:   '));
    expect(getCallId(m)).toBe('0kf5k5jtnkoq1f1lakh3ia');
  });

  it.each([
    ['a folded start line', (t: string) => t.replace('\r\n', '\r\n continued\r\n')],
    ['a line without a colon', (t: string) => t.replace('Expires: 600', 'Expires 600')],
    ['a space inside a header name', (t: string) => t.replace('User-Agent:', 'User Agent:')],
    ['an empty header name', (t: string) => t.replace('User-Agent:', ':')],
    ['a NUL in a header value', (t: string) => t.replace('JsSIP 3.13.8', 'JsSIP\u00003.13.8')],
    ['a bare CR', (t: string) => t.replace('JsSIP 3.13.8', 'JsSIP\r3.13.8')],
    ['a bare LF', (t: string) => t.replace('\r\nExpires', '\nExpires')],
  ])('refuses %s with 400', (_name, mutate) => {
    const result = parseSipMessage(mutate(base));
    expect(result).toMatchObject({ ok: false, error: { status: 400, respond: true } });
  });
});

describe('typed accessors', () => {
  it('reads scalars within their ranges', () => {
    expect(getMaxForwards(bag(['Max-Forwards', '0255']))).toBe(255);
    expect(getMaxForwards(bag(['Max-Forwards', '256']))).toBeUndefined();
    expect(getMaxForwards(bag(['Max-Forwards', '-1']))).toBeUndefined();
    expect(getExpires(bag(['Expires', '4294967295']))).toBe(4294967295);
    expect(getExpires(bag(['Expires', '4294967296']))).toBeUndefined();
    expect(getExpires(bag(['Expires', 'Thu, 01 Dec 2040 16:00:00 GMT']))).toBeUndefined();
    expect(getContentLength(bag(['l', '00012']))).toBe(12);
    expect(getContentLength(bag(['l', '1'], ['Content-Length', '1']))).toBeUndefined();
    expect(getCallId(bag(['i', 'a@b@c']))).toBeUndefined();
    expect(getCallId(bag(['i', 'has space']))).toBeUndefined();
  });

  it('reads CSeq up to 2^32-1, with exactly one method token', () => {
    expect(parseCSeq('4294967295 INVITE')).toEqual({ seq: 4294967295, method: 'INVITE' });
    expect(parseCSeq('4294967296 INVITE')).toBeUndefined();
    expect(parseCSeq('36893488147419103232 REGISTER')).toBeUndefined();
    expect(parseCSeq('1INVITE')).toBeUndefined();
    expect(parseCSeq('1 INVITE BYE')).toBeUndefined();
    expect(parseCSeq(' 1 INVITE ')).toEqual({ seq: 1, method: 'INVITE' });
    expect(getCSeq(bag(['CSeq', '1 INVITE'], ['CSeq', '2 INVITE']))).toBeUndefined();
  });

  it('reads SIP dates (GMT only)', () => {
    expect(parseSipDate('Sat, 15 Oct 2005 04:44:56 GMT')?.toISOString()).toBe('2005-10-15T04:44:56.000Z');
    expect(getDate(bag(['Date', 'Fri, 01 Jan 2010 16:00:00 EST']))).toBeUndefined();
    expect(parseSipDate('Sat, 31 Feb 2005 04:44:56 GMT')).toBeUndefined();
    expect(parseSipDate('Sat, 15 Oct 2005 24:00:00 GMT')).toBeUndefined();
    expect(parseSipDate('Sat, 15 Oct 2005 04:44:56 gmt')).toBeUndefined();
  });

  it('reads Via, Route, Content-Type, option tags and Event', () => {
    const m = parsed(REGISTER);
    expect(getTopVia(m)).toMatchObject({ transport: 'WSS', branch: 'z9hG4bK5506712' });
    expect(getOptionTags(m, 'Supported')).toEqual(['path', 'gruu', 'outbound']);
    expect(getRoutes(m)).toEqual([]);
    expect(getRoutes(bag(['Route', '<sip:a.example;lr>, <sip:b.example;lr>'], ['Route', '<sip:c.example>']))).toHaveLength(3);
    expect(getRoutes(bag(['Route', 'sip:a.example;lr']))).toBeUndefined();
    expect(getContentType(bag(['c', 'Application/SDP ; charset = "utf-8"']))).toMatchObject({ type: 'Application', subtype: 'SDP' });
    expect(getContentType(bag(['c', 'application']))).toBeUndefined();
    expect(getEventPackage(bag(['o', 'Dialog ; id=1']))).toBe('dialog');
  });
});
