import { describe, expect, it } from 'vitest';
import {
  getHeader,
  getHeaderLines,
  getToTag,
  getTopVia,
  serializeSipMessage,
} from '../../../../electron/sip/message';
import { T1, type TerminationReason } from '../../../../electron/sip/transaction';
import { setup } from './setup';
import { clientAck, clientCancel, clientInvite, clientRegister, FakeFlow, parse, sip } from './support';

describe('non-INVITE server transaction (NIST, RFC 3261 §17.2.2)', () => {
  it('hands a new request to the TU once and sends its response on the flow', () => {
    const { layer, flow, user, errors } = setup();
    layer.receive(flow, clientRegister());
    expect(user.kinds()).toEqual(['request']);
    const tx = user.lastTx();
    expect(tx.method).toBe('REGISTER');
    expect(tx.state).toBe('trying');
    expect(tx.flow).toBe(flow);
    expect(flow.sent).toEqual([]);

    expect(tx.respond(200, 'OK', { headers: [{ name: 'Expires', value: '600' }] })).toBe(true);
    const response = flow.lastResponse();
    expect(response.status).toBe(200);
    expect(getToTag(response)).toBeTruthy();
    expect(getHeader(response, 'Expires')).toBe('600');
    expect(getHeader(response, 'Call-ID')).toBe('0kf5k5jtnkoq1f1lakh3ia');
    expect(tx.finalResponseSent).toBe(true);
    // Timer J is zero on a reliable flow.
    expect(tx.state).toBe('terminated');
    expect(layer.stats()).toEqual({ server: 0, client: 0 });
    expect(tx.respond(500)).toBe(false);
    expect(flow.sent).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('records the source address in the top Via (§18.2.1, RFC 3581)', () => {
    const { layer, flow, user } = setup();
    layer.receive(flow, clientInvite());
    const via = getTopVia(user.lastTx().request);
    expect(via?.received).toBe('192.0.2.44');
    expect(via?.rport).toBe(50122);
    user.lastTx().respond(486);
    expect(getTopVia(flow.lastResponse())?.received).toBe('192.0.2.44');
  });

  it('writes an IPv6 source address without brackets, and leaves the Via alone for a non-IP source', () => {
    const { layer, user } = setup();
    const v6 = new FakeFlow('ws-6', { remoteAddress: '::ffff:192.0.2.44' });
    layer.receive(v6, clientRegister());
    user.lastTx().respond(200);
    expect(getTopVia(v6.lastResponse())?.received).toBe('::ffff:192.0.2.44');
    const named = new FakeFlow('ws-7', { remoteAddress: 'localhost' });
    layer.receive(named, clientRegister('z9hG4bKnamed'));
    expect(getHeader(user.lastTx().request, 'Via')).toBe('SIP/2.0/WSS df7jal23ls0d.invalid;branch=z9hG4bKnamed');
  });

  it('absorbs a retransmitted request with the same response until Timer J fires (unreliable flow)', () => {
    const { layer, flow, user, clock } = setup({ reliableFlow: false });
    layer.receive(flow, clientRegister());
    const tx = user.lastTx();
    layer.receive(flow, clientRegister()); // Trying: nothing sent yet, discarded
    expect(flow.sent).toEqual([]);
    tx.respond(200);
    expect(tx.state).toBe('completed');
    layer.receive(flow, clientRegister());
    layer.receive(flow, clientRegister());
    expect(flow.sent).toHaveLength(3);
    expect(new Set(flow.sent).size).toBe(1);
    expect(user.kinds()).toEqual(['request']);

    clock.advance(64 * T1 - 1);
    expect(tx.state).toBe('completed');
    clock.advance(1);
    expect(tx.state).toBe('terminated');
    expect(layer.stats().server).toBe(0);
    layer.receive(flow, clientRegister()); // now a new transaction
    expect(user.kinds()).toEqual(['request', 'request']);
  });

  it('resends the last provisional to a retransmission in Proceeding, also on a reliable flow', () => {
    const { layer, flow, user } = setup();
    layer.receive(flow, clientRegister());
    const tx = user.lastTx();
    tx.respond(183, 'Working on it');
    expect(tx.state).toBe('proceeding');
    layer.receive(flow, clientRegister());
    expect(flow.statuses()).toEqual([183, 183]);
    expect(user.kinds()).toEqual(['request']);
  });

  it('builds a response with a body and keeps one To tag per transaction', () => {
    const { layer, flow, user } = setup({ reliableFlow: false });
    layer.receive(flow, clientRegister());
    const tx = user.lastTx();
    tx.respond(183);
    tx.respond(200, undefined, { body: { contentType: 'text/plain', text: 'héllo' } });
    const [provisional, final] = flow.messages();
    expect(getToTag(provisional!)).toBe(getToTag(final!));
    expect(getHeader(final!, 'Content-Type')).toBe('text/plain');
    expect(getHeader(final!, 'Content-Length')).toBe('6');
  });
});

describe('INVITE server transaction (IST, RFC 3261 §17.2.1)', () => {
  it('sends 100 Trying before the TU sees the INVITE', () => {
    const { layer, flow, user } = setup();
    let sentBeforeTu: number[] = [];
    user.onRequestHook = () => {
      sentBeforeTu = flow.statuses();
    };
    layer.receive(flow, clientInvite());
    expect(sentBeforeTu).toEqual([100]);
    const trying = flow.lastResponse();
    expect(getToTag(trying)).toBeUndefined();
    expect(user.lastTx().state).toBe('proceeding');
  });

  it('absorbs retransmitted INVITEs and the ACK for a non-2xx final', () => {
    const { layer, flow, user } = setup();
    layer.receive(flow, clientInvite());
    const tx = user.lastTx();
    const reasons: TerminationReason[] = [];
    tx.onTerminated((reason) => reasons.push(reason));
    layer.receive(flow, clientInvite()); // Proceeding: the 100 again
    tx.respond(180);
    layer.receive(flow, clientInvite()); // the 180 again
    tx.respond(486);
    expect(tx.state).toBe('completed');
    layer.receive(flow, clientInvite()); // the 486 again
    expect(flow.statuses()).toEqual([100, 100, 180, 180, 486, 486]);

    const toTag = getToTag(flow.lastResponse())!;
    layer.receive(flow, clientAck(toTag));
    expect(user.kinds()).toEqual(['request']); // the ACK did not reach the TU
    expect(tx.state).toBe('terminated'); // Confirmed, then Timer I = 0 on a reliable flow
    expect(reasons).toEqual(['normal']);
    expect(layer.stats().server).toBe(0);
  });

  it('Timer H ends the transaction when no ACK comes (64*T1), reported as a timeout', () => {
    const { layer, flow, user, clock } = setup();
    layer.receive(flow, clientInvite());
    const tx = user.lastTx();
    const reasons: TerminationReason[] = [];
    tx.onTerminated((reason) => reasons.push(reason));
    tx.respond(486);
    clock.advance(64 * T1 - 1);
    expect(tx.state).toBe('completed');
    expect(flow.statuses()).toEqual([100, 486]); // no Timer G on a reliable flow
    clock.advance(1);
    expect(tx.state).toBe('terminated');
    expect(reasons).toEqual(['timeout']);
    // A listener added late still hears how it ended.
    tx.onTerminated((reason) => reasons.push(reason));
    expect(reasons).toEqual(['timeout', 'timeout']);
    expect(clock.pending()).toBe(0);
  });

  it('Timer G retransmits the final at T1, 2*T1, … capped at T2 on an unreliable flow, until the ACK', () => {
    const { layer, flow, user, clock } = setup({ reliableFlow: false });
    layer.receive(flow, clientInvite());
    const tx = user.lastTx();
    tx.respond(603);
    const times: number[] = [];
    const before = flow.sent.length;
    for (let t = 0; t < 16_000; t += 100) {
      const count = flow.sent.length;
      clock.advance(100);
      if (flow.sent.length > count) times.push(clock.now());
    }
    expect(times).toEqual([500, 1500, 3500, 7500, 11500, 15500]);
    expect(flow.sent.length - before).toBe(6);
    layer.receive(flow, clientAck(getToTag(flow.lastResponse())!));
    expect(tx.state).toBe('confirmed'); // Timer I = T4 on an unreliable flow
    clock.advance(10_000);
    expect(flow.sent.length - before).toBe(6);
    expect(tx.state).toBe('terminated');
  });

  it('a 2xx ends the transaction; the ACK for it goes to the TU', () => {
    const { layer, flow, user } = setup();
    layer.receive(flow, clientInvite());
    const tx = user.lastTx();
    tx.respond(200, 'OK', {
      headers: [{ name: 'Contact', value: '<sip:ivr@pbx.example.com;transport=ws>' }],
      body: { contentType: 'application/sdp', text: 'v=0\r\n' },
    });
    expect(tx.state).toBe('terminated');
    expect(layer.stats().server).toBe(0);
    layer.receive(flow, clientAck(getToTag(flow.lastResponse())!, 'z9hG4bKack2xx'));
    expect(user.kinds()).toEqual(['request', 'ack']);
  });

  it('matches an RFC 2543 INVITE (no magic cookie) and its retransmission', () => {
    const { layer, flow, user } = setup();
    const old = clientInvite().replace(';branch=z9hG4bK9201331;rport', '');
    layer.receive(flow, old);
    layer.receive(flow, old);
    expect(user.kinds()).toEqual(['request']);
    expect(flow.statuses()).toEqual([100, 100]);
    user.lastTx().respond(486);
    const ack = clientAck(getToTag(flow.lastResponse())!).replace(';branch=z9hG4bK9201331', '');
    layer.receive(flow, ack);
    expect(user.kinds()).toEqual(['request']);
    expect(user.lastTx().state).toBe('terminated');
  });

  it('a retransmission from another sent-by is another transaction (§17.2.3)', () => {
    const { layer, flow, user } = setup();
    layer.receive(flow, clientInvite());
    layer.receive(flow, clientInvite().replace('df7jal23ls0d.invalid;branch', 'other.invalid;branch'));
    expect(user.kinds()).toEqual(['request', 'request']);
  });
});

describe('CANCEL (RFC 3261 §9.2)', () => {
  it('matches its INVITE transaction: 200 OK to the CANCEL, onCancel, then the TU sends 487', () => {
    const { layer, flow, user } = setup();
    layer.receive(flow, clientInvite());
    const invite = user.lastTx();
    invite.respond(180);
    const ringingTag = getToTag(flow.lastResponse());

    layer.receive(flow, clientCancel());
    const ok = flow.lastResponse();
    expect(ok.status).toBe(200);
    expect(getHeader(ok, 'CSeq')).toBe('7003 CANCEL');
    expect(getToTag(ok)).toBe(ringingTag);
    const cancelEvent = user.events.at(-1);
    expect(cancelEvent?.kind).toBe('cancel');
    if (cancelEvent?.kind === 'cancel') {
      expect(cancelEvent.tx).toBe(invite);
      expect(cancelEvent.cancel.method).toBe('CANCEL');
    }

    expect(invite.respond(487)).toBe(true);
    expect(flow.lastResponse().status).toBe(487);
    expect(getHeader(flow.lastResponse(), 'CSeq')).toBe('7003 INVITE');
    layer.receive(flow, clientAck(ringingTag!));
    expect(invite.state).toBe('terminated');
    expect(user.kinds()).toEqual(['request', 'cancel']);
  });

  it('answers a CANCEL with an unknown branch 481 and tells nobody', () => {
    const { layer, flow, user } = setup();
    layer.receive(flow, clientInvite());
    layer.receive(flow, clientCancel('z9hG4bKnosuchbranch'));
    expect(flow.lastResponse().status).toBe(481);
    expect(getHeader(flow.lastResponse(), 'CSeq')).toBe('7003 CANCEL');
    expect(getToTag(flow.lastResponse())).toBeTruthy();
    expect(user.kinds()).toEqual(['request']);
  });

  it('answers 200 but does not report a CANCEL that comes after the final response', () => {
    const { layer, flow, user } = setup();
    layer.receive(flow, clientInvite());
    user.lastTx().respond(486);
    layer.receive(flow, clientCancel());
    expect(flow.statuses()).toEqual([100, 486, 200]);
    expect(user.kinds()).toEqual(['request']);
  });

  it('absorbs a retransmitted CANCEL on an unreliable flow', () => {
    const { layer, flow, user } = setup({ reliableFlow: false });
    layer.receive(flow, clientInvite());
    layer.receive(flow, clientCancel());
    layer.receive(flow, clientCancel());
    expect(flow.statuses()).toEqual([100, 200, 200]);
    expect(user.kinds()).toEqual(['request', 'cancel']);
  });
});

describe('server transactions and the flow', () => {
  it('terminate with a transport error when their flow closes', () => {
    const { layer, flow, user } = setup();
    const other = new FakeFlow('ws-2');
    layer.receive(flow, clientInvite());
    layer.receive(other, clientRegister());
    const [invite, register] = user.requests().map((event) => event.tx);
    const reasons: TerminationReason[] = [];
    invite!.onTerminated((reason) => reasons.push(reason));
    flow.close();
    layer.flowClosed(flow);
    expect(invite!.state).toBe('terminated');
    expect(reasons).toEqual(['transport-error']);
    expect(invite!.respond(486)).toBe(false);
    expect(register!.state).toBe('trying');
    expect(layer.stats().server).toBe(1);
  });

  it('terminate when the flow refuses a response', () => {
    const { layer, flow, user } = setup();
    layer.receive(flow, clientRegister());
    const tx = user.lastTx();
    flow.close();
    expect(tx.respond(200)).toBe(false);
    expect(tx.state).toBe('terminated');
  });

  it('a TU that throws does not break receive()', () => {
    const { layer, flow, user, errors } = setup();
    user.onRequestHook = () => {
      throw new Error('TU bug');
    };
    expect(() => layer.receive(flow, clientRegister())).not.toThrow();
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toContain('TU bug');
  });

  it('respond() throws for a response that cannot be written', () => {
    const { layer, flow, user } = setup();
    layer.receive(flow, clientRegister());
    expect(() => user.lastTx().respond(200, 'O\r\nK')).toThrow(TypeError);
    expect(() => user.lastTx().respond(99)).toThrow(TypeError);
    expect(user.lastTx().state).toBe('trying');
  });

  it('sends a response object as given (e.g. one a proxy forwards)', () => {
    const { layer, flow, user } = setup();
    layer.receive(flow, clientRegister());
    const text = sip([
      'SIP/2.0 200 OK',
      ...getHeaderLines(user.lastTx().request, 'Via').map((via) => `Via: ${via}`),
      'From: "Desk 12" <sip:1001@pbx.example.com>;tag=8q1hbcrpd2',
      'To: <sip:1001@pbx.example.com>;tag=downstream',
      'Call-ID: 0kf5k5jtnkoq1f1lakh3ia',
      'CSeq: 1 REGISTER',
    ]);
    const parsed = parse(text);
    if (parsed.kind !== 'response') throw new Error('not a response');
    expect(user.lastTx().respond(parsed)).toBe(true);
    expect(flow.sent[0]).toBe(serializeSipMessage(parsed));
  });
});
