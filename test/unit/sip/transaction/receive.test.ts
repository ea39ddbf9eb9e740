import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSipMessage } from '../../../../electron/sip/message';
import { setup } from './setup';
import { clientAck, clientCancel, clientInvite, clientRegister, responseTo, sip } from './support';

describe('receive(): what cannot be parsed', () => {
  it('answers a malformed request 400 with the problem in a Warning, and tells nobody else', () => {
    const { layer, flow, user, parseErrors } = setup();
    const broken = clientRegister().replace('Call-ID: 0kf5k5jtnkoq1f1lakh3ia\r\n', '');
    layer.receive(flow, broken);
    // The answer copies what could be read (so it has no Call-ID either, RFC 4475 §3.3.1).
    expect(flow.sent).toHaveLength(1);
    const lines = flow.sent[0]!.split('\r\n');
    expect(lines[0]).toBe('SIP/2.0 400 Bad Request');
    expect(lines).toContain('Warning: 399 pbx.example.com "Missing required header(s): Call-ID"');
    expect(lines).toContain('CSeq: 1 REGISTER');
    expect(lines.find((line) => line.startsWith('To: '))).toMatch(/;tag=tag-\d+$/);
    expect(parseErrors).toEqual(['Missing required header(s): Call-ID']);
    expect(user.kinds()).toEqual([]);
    expect(layer.stats()).toEqual({ server: 0, client: 0 });
  });

  it('answers an unsupported SIP version 505', () => {
    const { layer, flow } = setup();
    layer.receive(flow, clientRegister().replace('SIP/2.0\r\n', 'SIP/3.0\r\n'));
    expect(flow.lastResponse().status).toBe(505);
  });

  it('drops what cannot be answered: a malformed ACK or response, a request without Via, garbage', () => {
    const { layer, flow, user, parseErrors } = setup();
    layer.receive(flow, clientAck('t1').replace('CSeq: 7003 ACK', 'CSeq: seven ACK'));
    layer.receive(flow, responseTo(clientInvite(), 180, 'Ringing').replace('CSeq: 7003 INVITE', 'CSeq: INVITE'));
    layer.receive(flow, clientRegister().replace(/Via: [^\r]*\r\n/, ''));
    layer.receive(flow, 'hello, world');
    layer.receive(flow, '');
    expect(flow.sent).toEqual([]);
    expect(user.kinds()).toEqual([]);
    expect(parseErrors).toHaveLength(5);
  });
});

const SAMPLES = [
  clientInvite(),
  clientAck('x'),
  clientCancel(),
  clientRegister(),
  responseTo(clientInvite().replace('df7jal23ls0d.invalid', 'pbx.example.com'), 180, 'Ringing', { toTag: 'r' }),
  sip(['SIP/2.0 200 OK', 'Via: SIP/2.0/WSS pbx.example.com;branch=z9hG4bK-test-1', 'From: <sip:a@b>;tag=1', 'To: <sip:c@d>', 'Call-ID: x', 'CSeq: 1 OPTIONS']),
];

/** A sample with a fresh branch (so that it starts a transaction), some with a slice replaced by arbitrary text. */
const mutated = fc
  .tuple(fc.constantFrom(...SAMPLES), fc.nat({ max: 20 }), fc.nat(), fc.nat({ max: 40 }), fc.string({ maxLength: 40 }))
  .map(([sample, branch, at, length, insert]) => {
    const text = sample.replaceAll('z9hG4bK9201331', `z9hG4bK${branch}`);
    if (at % 4 === 0) return text;
    const start = at % (text.length + 1);
    return text.slice(0, start) + insert + text.slice(start + length);
  });

describe('receive() never throws', () => {
  it('on arbitrary text and on mutated SIP messages; whatever it sends is a well-formed response', () => {
    const { layer, flow, user, errors, clock } = setup();
    let answer = 0;
    user.onRequestHook = (tx) => {
      // Exercise the state machines: answer some requests, leave others open.
      const statuses = [undefined, 180, 200, 486];
      const status = statuses[answer++ % statuses.length];
      if (status !== undefined) tx.respond(status);
    };
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), mutated), (input) => {
        layer.receive(flow, input);
        clock.advance(1000);
      }),
      { numRuns: 500 },
    );
    expect(errors).toEqual([]);
    expect(flow.sent.length).toBeGreaterThan(0);
    for (const text of flow.sent) {
      const status = /^SIP\/2\.0 (\d{3}) /.exec(text)?.[1];
      expect([100, 180, 200, 400, 481, 486, 505, 513]).toContain(Number(status));
      // What the layer builds from a parsed request parses again; an error response may lack what the request lacked.
      if (Number(status) < 400 || Number(status) === 481 || Number(status) === 486) expect(parseSipMessage(text).ok).toBe(true);
    }
  });
});
