import { describe, expect, it } from 'vitest';
import {
  getBodyText,
  getCallId,
  getHeader,
  parseSipMessage,
  type ParseResult,
  type SipMessage,
} from '../../../../electron/sip/message';
import { INVITE, INVITE_BODY, OK_RESPONSE, REGISTER, withHeader } from './fixtures';

function ok(result: ParseResult): SipMessage {
  if (!result.ok) throw new Error(result.error.reason);
  return result.message;
}

function error(result: ParseResult) {
  if (result.ok) throw new Error('expected a parse error');
  return result.error;
}

describe('parseSipMessage: start lines', () => {
  it('parses a request', () => {
    const m = ok(parseSipMessage(REGISTER));
    expect(m).toMatchObject({ kind: 'request', method: 'REGISTER', version: 'SIP/2.0', requestUri: { host: 'pbx.example.com' } });
    expect(m.headers).toHaveLength(12);
  });

  it('parses a response', () => {
    expect(ok(parseSipMessage(OK_RESPONSE))).toMatchObject({ kind: 'response', status: 200, reason: 'OK' });
    expect(ok(parseSipMessage(OK_RESPONSE.replace('200 OK', '699 ')))).toMatchObject({ status: 699, reason: '' });
  });

  it('accepts a lower-case version and a tel Request-URI', () => {
    ok(parseSipMessage(REGISTER.replace('SIP/2.0\r\n', 'sip/2.0\r\n')));
    ok(parseSipMessage(REGISTER.replace('sip:pbx.example.com SIP', 'tel:+1-201-555-0123 SIP')));
  });

  it.each([
    ['REGISTER  sip:pbx.example.com SIP/2.0', 400],
    ['REGISTER sip:pbx.example.com SIP/2.0 ', 400],
    ['REGISTER\tsip:pbx.example.com\tSIP/2.0', 400],
    ['REGISTER sip:pbx.example.com', 400],
    ['REGISTER <sip:pbx.example.com> SIP/2.0', 400],
    ['REGISTER sip:pbx.example.com;transport=ws?x=y SIP/2.0', 400],
    ['REGISTER sip:pbx.example.com HTTP/1.1', 400],
    ['REGISTER sip:pbx.example.com SIP/3.0', 505],
    ['REGISTER sip:pbx.example.com SIP/2.1', 505],
    ['REGISTER  sip:pbx.example.com  SIP/1.0', 505],
  ])('answers %j with %i', (line, status) => {
    const err = error(parseSipMessage(REGISTER.replace(/^.*\r\n/, `${line}\r\n`)));
    expect(err).toMatchObject({ respond: true, status, messageKind: 'request' });
  });

  it.each(['SIP/2.0 200', 'SIP/2.0 099 Too Small', 'SIP/2.0 700 Too Big', 'SIP/2.0 20 OK', 'SIP/3.0 200 OK', 'SIP/2.0 2000 OK'])(
    'drops the response %j',
    (line) => {
      const err = error(parseSipMessage(OK_RESPONSE.replace(/^.*\r\n/, `${line}\r\n`)));
      expect(err).toMatchObject({ respond: false, messageKind: 'response' });
    },
  );

  it('drops what is not SIP at all', () => {
    for (const text of ['', '\r\n\r\n', 'hello', 'GET / HTTP/1.1\r\nHost: x\r\n\r\n', '\u0000\u0001\u0002']) {
      expect(error(parseSipMessage(text)).respond, JSON.stringify(text)).toBe(false);
    }
  });

  it('ignores CRLFs before the start line (RFC 3261 §7.5)', () => {
    expect(ok(parseSipMessage(`\r\n\r\n${REGISTER}`))).toMatchObject({ method: 'REGISTER' });
  });
});

describe('parseSipMessage: framing', () => {
  const inviteBytes = Buffer.byteLength(INVITE_BODY);

  it('takes exactly Content-Length bytes of body and ignores the rest (RFC 3261 §18.3)', () => {
    const m = ok(parseSipMessage(`${INVITE}garbage after the body`));
    expect(getBodyText(m)).toBe(INVITE_BODY);
  });

  it('refuses a Content-Length larger than the body', () => {
    const err = error(parseSipMessage(withHeader(INVITE, 'Content-Length', `Content-Length: ${inviteBytes + 1}`)));
    expect(err).toMatchObject({ status: 400, respond: true });
    expect(err.reason).toMatch(/Content-Length/);
  });

  it.each(['-1', '+5', '5 5', 'five', '1e3', '99999999999'])('refuses Content-Length %j', (value) => {
    const err = error(parseSipMessage(withHeader(INVITE, 'Content-Length', `Content-Length: ${value}`)));
    expect(err).toMatchObject({ status: 400, respond: true });
  });

  it('takes the rest of the frame as the body without Content-Length (RFC 7118 §5)', () => {
    const m = ok(parseSipMessage(withHeader(INVITE, 'Content-Length', undefined)));
    expect(getBodyText(m)).toBe(INVITE_BODY);
  });

  it('counts Content-Length in bytes, not characters', () => {
    const body = 'Grüße 👋\r\n';
    const text = withHeader(INVITE, 'Content-Length', `Content-Length: ${Buffer.byteLength(body)}`).replace(INVITE_BODY, body);
    expect(getBodyText(ok(parseSipMessage(text)))).toBe(body);
    expect(ok(parseSipMessage(new TextEncoder().encode(text))).body).toHaveLength(Buffer.byteLength(body));
  });

  it('carries binary bodies unchanged', () => {
    const head = new TextEncoder().encode(withHeader(INVITE, 'Content-Length', 'Content-Length: 4').replace(INVITE_BODY, ''));
    const bytes = new Uint8Array([...head, 0, 0xff, 0x80, 0x0a]);
    expect(Array.from(ok(parseSipMessage(bytes)).body)).toEqual([0, 0xff, 0x80, 0x0a]);
  });

  it('refuses a head without the empty line, or with invalid UTF-8', () => {
    expect(error(parseSipMessage(REGISTER.replace(/\r\n\r\n$/, '\r\n')))).toMatchObject({ status: 400, respond: true });
    const bytes = new TextEncoder().encode(REGISTER.replace('JsSIP', 'J\u00ffSIP'));
    const bad = bytes.map((b, i) => (b === 0xc3 && bytes[i + 1] === 0xbf ? 0xff : b));
    expect(error(parseSipMessage(bad))).toMatchObject({ status: 400, reason: expect.stringMatching(/UTF-8/) });
  });

  it('refuses what is too large with 513', () => {
    expect(error(parseSipMessage(REGISTER, { maxMessageBytes: 100 }))).toMatchObject({ status: 513, respond: true });
    expect(error(parseSipMessage(REGISTER, { maxHeaders: 5 }))).toMatchObject({ status: 513, respond: true });
  });
});

describe('parseSipMessage: header sanity checks', () => {
  it.each(['Via', 'From', 'To', 'Call-ID', 'CSeq'])('answers a request without %s with 400 naming it', (name) => {
    const err = error(parseSipMessage(withHeader(REGISTER, name, undefined)));
    expect(err.status).toBe(400);
    expect(err.reason).toContain(name);
    // Without a Via there is no one to answer.
    expect(err.respond).toBe(name !== 'Via');
  });

  it('tolerates a missing Max-Forwards', () => {
    ok(parseSipMessage(withHeader(REGISTER, 'Max-Forwards', undefined)));
  });

  it.each([
    ['Max-Forwards', 'Max-Forwards: 256'],
    ['Expires', 'Expires: 4294967296'],
    ['CSeq', 'CSeq: 4294967296 REGISTER'],
    ['CSeq', 'CSeq: 1 INVITE'],
    ['Call-ID', 'Call-ID: has space'],
    ['From', 'From: Desk, 12 <sip:1001@pbx.example.com>;tag=1'],
    ['To', 'To: <sip:1001@pbx.example.com'],
    ['Contact', 'Contact: sip:a@b.example;x, ,sip:c@d.example'],
    ['Via', 'Via: SIP/2.0/WSS df7jal23ls0d.invalid;branch=z9hG4bK5506712;;'],
  ])('answers a malformed %s with 400', (name, line) => {
    const err = error(parseSipMessage(withHeader(REGISTER, name, line)));
    expect(err).toMatchObject({ status: 400, respond: true });
    expect(err.reason).toContain(name);
  });

  it('answers repeated single-value headers with 400', () => {
    const text = REGISTER.replace('Expires: 600\r\n', 'Expires: 600\r\nt: <sip:1002@pbx.example.com>\r\n');
    expect(error(parseSipMessage(text)).reason).toMatch(/Repeated.*To/);
  });

  it('accepts CSeq up to 2^32-1 (RFC 3261 §20.16)', () => {
    ok(parseSipMessage(withHeader(REGISTER, 'CSeq', 'CSeq: 4294967295 REGISTER')));
  });

  it('recovers the headers needed for an answer from a malformed request', () => {
    const text = withHeader(REGISTER, 'Expires', 'Expires: never').replace('Call-ID:', 'i:');
    const err = error(parseSipMessage(text));
    expect(err.partial?.method).toBe('REGISTER');
    expect(err.partial?.headers.map((h) => h.name)).toEqual(['Via', 'To', 'From', 'i', 'CSeq']);
  });

  it('recovers them even when lines end with bare LF', () => {
    const err = error(parseSipMessage(REGISTER.replaceAll('\r\n', '\n')));
    expect(err).toMatchObject({ status: 400, respond: true });
    expect(err.partial?.headers).toHaveLength(5);
  });

  it('never answers ACK', () => {
    const ack = withHeader(REGISTER.replace('REGISTER sip', 'ACK sip'), 'CSeq', 'CSeq: 1 ACK');
    ok(parseSipMessage(ack));
    expect(error(parseSipMessage(withHeader(ack, 'Call-ID', undefined)))).toMatchObject({ status: 400, respond: false });
  });

  it('drops malformed responses', () => {
    expect(error(parseSipMessage(withHeader(OK_RESPONSE, 'CSeq', 'CSeq: one REGISTER')))).toMatchObject({
      respond: false,
      messageKind: 'response',
    });
    expect(error(parseSipMessage(withHeader(OK_RESPONSE, 'Call-ID', undefined))).respond).toBe(false);
  });

  it('checks responses without a request method', () => {
    const m = ok(parseSipMessage(OK_RESPONSE));
    expect(getCallId(m)).toBe('0kf5k5jtnkoq1f1lakh3ia');
    expect(getHeader(m, 'Contact')).toContain('expires=600');
  });
});

describe('parseSipMessage: regressions found by fuzzing', () => {
  it('never lets a CR after a backslash into a header value (it would break the error response)', () => {
    const text = REGISTER.replace('From: "Desk 12"', 'From: "Desk\\\r 12"');
    const err = error(parseSipMessage(text));
    expect(err.partial?.headers.some((h) => h.value.includes('\r'))).toBe(false);
  });
});

describe('parseSipMessage: input buffers', () => {
  it('accepts a Node Buffer and copies the body out of it', () => {
    const buffer = Buffer.from(INVITE);
    const m = ok(parseSipMessage(buffer));
    buffer.fill(0);
    expect(getBodyText(m)).toBe(INVITE_BODY);
    expect(Object.getPrototypeOf(m.body)).toBe(Uint8Array.prototype);
  });
});
