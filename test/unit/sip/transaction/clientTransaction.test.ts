import { describe, expect, it } from 'vitest';
import {
  getHeader,
  getHeaderLines,
  getTopVia,
  serializeUri,
  type SipResponse,
} from '../../../../electron/sip/message';
import { T1, T2, type ClientTransactionHandlers } from '../../../../electron/sip/transaction';
import { setup } from './setup';
import { FakeFlow, outgoing, parseRequest, pbxInvite, pbxOptions, responseTo } from './support';

function recorder() {
  const log: string[] = [];
  const responses: SipResponse[] = [];
  const handlers: ClientTransactionHandlers = {
    onProvisional: (response) => {
      log.push(`provisional ${response.status}`);
      responses.push(response);
    },
    onFinal: (response) => {
      log.push(`final ${response.status}`);
      responses.push(response);
    },
    onTimeout: () => log.push('timeout'),
    onTransportError: () => log.push('transport-error'),
  };
  return { log, responses, handlers };
}

describe('sendRequest', () => {
  it('prepends our Via with a new branch and rport, sends on the flow, and leaves the caller’s request alone', () => {
    const { layer, flow } = setup();
    const request = outgoing(pbxOptions());
    const tx = layer.sendRequest(request, flow, recorder().handlers);
    expect(flow.sent).toHaveLength(1);
    const sent = flow.lastRequest();
    expect(getHeaderLines(sent, 'Via')).toEqual(['SIP/2.0/WSS pbx.example.com;branch=z9hG4bK-test-1;rport']);
    expect(getHeaderLines(request, 'Via')).toEqual([]);
    expect(getHeaderLines(tx.request, 'Via')).toHaveLength(1);
    expect(tx.state).toBe('trying');
    expect(layer.stats()).toEqual({ server: 0, client: 1 });
  });

  it('uses WS on an insecure flow, or the configured transport', () => {
    const { layer } = setup();
    const plain = new FakeFlow('ws-2', { secure: false });
    layer.sendRequest(outgoing(pbxOptions()), plain, recorder().handlers);
    expect(getHeader(plain.lastRequest(), 'Via')).toMatch(/^SIP\/2\.0\/WS pbx\.example\.com;/);
    const forced = setup({ viaTransport: 'WS' });
    forced.layer.sendRequest(outgoing(pbxOptions()), forced.flow, recorder().handlers);
    expect(getHeader(forced.flow.lastRequest(), 'Via')).toMatch(/^SIP\/2\.0\/WS /);
  });

  it('keeps the request’s Via with keepVia and puts the Via of the INVITE below ours', () => {
    const { layer, flow } = setup();
    const withVia = parseRequest(pbxOptions().replace('Max-Forwards', 'Via: SIP/2.0/WSS pbx.example.com;branch=z9hG4bKmine\r\nMax-Forwards'));
    const tx = layer.sendRequest(withVia, flow, recorder().handlers, { keepVia: true });
    expect(tx.id).toContain('z9hG4bKmine');
    const invite = layer.sendRequest(outgoing(pbxInvite()), flow, recorder().handlers);
    expect(getHeaderLines(invite.request, 'Via')).toEqual([
      'SIP/2.0/WSS pbx.example.com;branch=z9hG4bK-test-1;rport',
      'SIP/2.0/WSS df7jal23ls0d.invalid;branch=z9hG4bK9201331;received=192.0.2.44;rport=50122',
    ]);
  });

  it('refuses an ACK, a CSeq for another method, and a keepVia request without a branch', () => {
    const { layer, flow } = setup();
    const ack = outgoing(pbxOptions().replace('OPTIONS sip', 'ACK sip').replace('1 OPTIONS', '1 ACK'));
    expect(() => layer.sendRequest(ack, flow, recorder().handlers)).toThrow(TypeError);
    const mismatched = outgoing(pbxOptions());
    mismatched.method = 'INFO';
    expect(() => layer.sendRequest(mismatched, flow, recorder().handlers)).toThrow(TypeError);
    expect(() => layer.sendRequest(outgoing(pbxOptions()), flow, recorder().handlers, { keepVia: true })).toThrow(TypeError);
    expect(flow.sent).toEqual([]);
    expect(layer.stats().client).toBe(0);
  });

  it('reports a refused request on the next tick, never inside sendRequest', () => {
    const { layer, flow, clock } = setup();
    const { log, handlers } = recorder();
    flow.close();
    const tx = layer.sendRequest(outgoing(pbxOptions()), flow, handlers);
    expect(log).toEqual([]);
    clock.advance(0);
    expect(log).toEqual(['transport-error']);
    expect(tx.state).toBe('terminated');
    expect(clock.pending()).toBe(0);
  });
});

describe('non-INVITE client transaction (NICT, RFC 3261 §17.1.2)', () => {
  it('delivers a provisional, then the final; a retransmitted final is absorbed', () => {
    const { layer, flow, user } = setup({ reliableFlow: false });
    const { log, handlers } = recorder();
    const tx = layer.sendRequest(outgoing(pbxOptions()), flow, handlers);
    const sent = flow.sent[0]!;
    layer.receive(flow, responseTo(sent, 100, 'Trying'));
    expect(tx.state).toBe('proceeding');
    layer.receive(flow, responseTo(sent, 200, 'OK', { toTag: 'x1' }));
    expect(tx.state).toBe('completed'); // Timer K = T4 on an unreliable flow
    layer.receive(flow, responseTo(sent, 200, 'OK', { toTag: 'x1' }));
    expect(log).toEqual(['provisional 100', 'final 200']);
    expect(user.kinds()).toEqual([]);
  });

  it('ends at once on a reliable flow (Timer K = 0): a late final is a stray response', () => {
    const { layer, flow, user } = setup();
    const { log, handlers } = recorder();
    const tx = layer.sendRequest(outgoing(pbxOptions()), flow, handlers);
    layer.receive(flow, responseTo(flow.sent[0]!, 200, 'OK', { toTag: 'x1' }));
    expect(tx.state).toBe('terminated');
    expect(layer.stats().client).toBe(0);
    layer.receive(flow, responseTo(flow.sent[0]!, 200, 'OK', { toTag: 'x1' }));
    expect(log).toEqual(['final 200']);
    expect(user.kinds()).toEqual(['stray']);
  });

  it('Timer F (64*T1) reports a timeout', () => {
    const { layer, flow, clock } = setup();
    const { log, handlers } = recorder();
    const tx = layer.sendRequest(outgoing(pbxOptions()), flow, handlers);
    layer.receive(flow, responseTo(flow.sent[0]!, 100, 'Trying'));
    clock.advance(64 * T1 - 1);
    expect(log).toEqual(['provisional 100']);
    clock.advance(1);
    expect(log).toEqual(['provisional 100', 'timeout']);
    expect(tx.state).toBe('terminated');
    expect(flow.sent).toHaveLength(1); // nothing retransmitted over a reliable flow
    expect(clock.pending()).toBe(0);
  });

  it('Timer E retransmits at T1, 2*T1, … up to T2 on an unreliable flow, at T2 once Proceeding', () => {
    const { layer, flow, clock } = setup({ reliableFlow: false });
    layer.sendRequest(outgoing(pbxOptions()), flow, recorder().handlers);
    const times: number[] = [];
    const watch = (until: number): void => {
      while (clock.now() < until) {
        const count = flow.sent.length;
        clock.advance(100);
        if (flow.sent.length > count) times.push(clock.now());
      }
    };
    watch(8000);
    expect(times).toEqual([500, 1500, 3500, 7500]);
    layer.receive(flow, responseTo(flow.sent[0]!, 100, 'Trying'));
    watch(20_000);
    expect(times).toEqual([500, 1500, 3500, 7500, 11500, 15500, 19500]);
    expect(new Set(flow.sent).size).toBe(1);
    expect(T2).toBe(4000);
  });
});

describe('INVITE client transaction (ICT, RFC 3261 §17.1.1)', () => {
  it('ACKs a 486 itself with the INVITE’s branch, Request-URI, Route, From, Call-ID and the response’s To (§17.1.1.3)', () => {
    const { layer, flow, user } = setup();
    const { log, handlers } = recorder();
    const tx = layer.sendRequest(outgoing(pbxInvite()), flow, handlers);
    const invite = flow.lastRequest();
    layer.receive(flow, responseTo(flow.sent[0]!, 180, 'Ringing', { toTag: 'callee1' }));
    layer.receive(flow, responseTo(flow.sent[0]!, 486, 'Busy Here', { toTag: 'callee1' }));
    expect(log).toEqual(['provisional 180', 'final 486']);
    expect(user.kinds()).toEqual([]);

    const ack = flow.lastRequest();
    expect(ack.method).toBe('ACK');
    expect(serializeUri(ack.requestUri)).toBe(serializeUri(invite.requestUri));
    expect(getHeaderLines(ack, 'Via')).toEqual([getHeader(invite, 'Via')]);
    expect(getTopVia(ack)?.branch).toBe(getTopVia(invite)?.branch);
    expect(getHeaderLines(ack, 'Route')).toEqual(['<sip:edge1.example.com;lr>', '<sip:edge2.example.com;lr>']);
    expect(getHeader(ack, 'From')).toBe(getHeader(invite, 'From'));
    expect(getHeader(ack, 'Call-ID')).toBe(getHeader(invite, 'Call-ID'));
    expect(getHeader(ack, 'CSeq')).toBe('7003 ACK');
    expect(getHeader(ack, 'To')).toBe('<sip:1002@pbx.example.com>;tag=callee1');
    expect(getHeader(ack, 'Max-Forwards')).toBe('70');
    expect(tx.state).toBe('terminated'); // Timer D = 0 on a reliable flow
  });

  it('answers a retransmitted non-2xx final with the same ACK on an unreliable flow (Timer D)', () => {
    const { layer, flow, clock } = setup({ reliableFlow: false });
    const { log, handlers } = recorder();
    const tx = layer.sendRequest(outgoing(pbxInvite()), flow, handlers);
    const busy = responseTo(flow.sent[0]!, 486, 'Busy Here', { toTag: 'callee1' });
    layer.receive(flow, busy);
    layer.receive(flow, busy);
    expect(flow.sent.slice(1).map((text) => text.split(' ')[0])).toEqual(['ACK', 'ACK']);
    expect(flow.sent[1]).toBe(flow.sent[2]);
    expect(log).toEqual(['final 486']);
    clock.advance(32_000);
    expect(tx.state).toBe('terminated');
  });

  it('a 2xx ends the transaction; its retransmission is a stray for the TU', () => {
    const { layer, flow, user } = setup();
    const { log, handlers } = recorder();
    const tx = layer.sendRequest(outgoing(pbxInvite()), flow, handlers);
    const ok = responseTo(flow.sent[0]!, 200, 'OK', { toTag: 'callee1' });
    layer.receive(flow, ok);
    expect(tx.state).toBe('terminated');
    expect(flow.sent).toHaveLength(1); // the layer does not ACK a 2xx
    layer.receive(flow, ok);
    expect(log).toEqual(['final 200']);
    expect(user.kinds()).toEqual(['stray']);
  });

  it('Timer B (64*T1) reports a timeout while Calling', () => {
    const { layer, flow, clock } = setup();
    const { log, handlers } = recorder();
    layer.sendRequest(outgoing(pbxInvite()), flow, handlers);
    clock.advance(64 * T1 - 1);
    expect(log).toEqual([]);
    clock.advance(1);
    expect(log).toEqual(['timeout']);
    expect(layer.stats().client).toBe(0);
  });

  it('no timeout once a provisional has arrived (a proxy bounds that with Timer C)', () => {
    const { layer, flow, clock } = setup();
    const { log, handlers } = recorder();
    layer.sendRequest(outgoing(pbxInvite()), flow, handlers);
    layer.receive(flow, responseTo(flow.sent[0]!, 180, 'Ringing', { toTag: 'callee1' }));
    clock.advance(10 * 64 * T1);
    expect(log).toEqual(['provisional 180']);
    expect(layer.stats().client).toBe(1);
  });

  it('Timer A retransmits the INVITE at T1, 2*T1, 4*T1, … on an unreliable flow until a response', () => {
    const { layer, flow, clock } = setup({ reliableFlow: false });
    const { log, handlers } = recorder();
    layer.sendRequest(outgoing(pbxInvite()), flow, handlers);
    const times: number[] = [];
    while (clock.now() < 64 * T1) {
      const count = flow.sent.length;
      clock.advance(100);
      if (flow.sent.length > count) times.push(clock.now());
    }
    expect(times).toEqual([500, 1500, 3500, 7500, 15500, 31500]);
    expect(log).toEqual(['timeout']);

    const second = setup({ reliableFlow: false });
    second.layer.sendRequest(outgoing(pbxInvite()), second.flow, handlers);
    second.clock.advance(600);
    second.layer.receive(second.flow, responseTo(second.flow.sent[0]!, 100, 'Trying'));
    second.clock.advance(60_000);
    expect(second.flow.sent).toHaveLength(2);
  });

  describe('cancel() (§9.1)', () => {
    it('waits for a provisional, then sends a CANCEL with the same branch', () => {
      const { layer, flow, user } = setup();
      const { log, handlers } = recorder();
      const tx = layer.sendRequest(outgoing(pbxInvite()), flow, handlers);
      tx.cancel('SIP;cause=487;text="Caller hung up"');
      tx.cancel();
      expect(flow.sent).toHaveLength(1);

      layer.receive(flow, responseTo(flow.sent[0]!, 180, 'Ringing', { toTag: 'callee1' }));
      expect(flow.sent).toHaveLength(2);
      const invite = parseRequest(flow.sent[0]!);
      const cancel = flow.lastRequest();
      expect(cancel.method).toBe('CANCEL');
      expect(getHeaderLines(cancel, 'Via')).toEqual([getHeader(invite, 'Via')]);
      expect(getTopVia(cancel)?.branch).toBe(getTopVia(invite)?.branch);
      expect(serializeUri(cancel.requestUri)).toBe(serializeUri(invite.requestUri));
      expect(getHeader(cancel, 'CSeq')).toBe('7003 CANCEL');
      expect(getHeader(cancel, 'To')).toBe('<sip:1002@pbx.example.com>');
      expect(getHeaderLines(cancel, 'Route')).toEqual(getHeaderLines(invite, 'Route'));
      expect(getHeader(cancel, 'Reason')).toBe('SIP;cause=487;text="Caller hung up"');
      expect(layer.stats().client).toBe(2);

      // The CANCEL's 200 goes to its own transaction; the 487 ends the INVITE, which the layer ACKs.
      layer.receive(flow, responseTo(flow.sent[1]!, 200, 'OK', { toTag: 'callee1' }));
      layer.receive(flow, responseTo(flow.sent[0]!, 487, 'Request Terminated', { toTag: 'callee1' }));
      expect(flow.lastRequest().method).toBe('ACK');
      expect(log).toEqual(['provisional 180', 'final 487']);
      expect(user.kinds()).toEqual([]);
      expect(layer.stats().client).toBe(0);
    });

    it('sends at once when a provisional has arrived, and never after a final', () => {
      const { layer, flow } = setup();
      const tx = layer.sendRequest(outgoing(pbxInvite()), flow, recorder().handlers);
      layer.receive(flow, responseTo(flow.sent[0]!, 100, 'Trying'));
      tx.cancel();
      expect(flow.lastRequest().method).toBe('CANCEL');
      expect(getHeader(flow.lastRequest(), 'Reason')).toBeUndefined();

      const done = layer.sendRequest(outgoing(pbxInvite().replace('7003 INVITE', '7004 INVITE')), flow, recorder().handlers);
      layer.receive(flow, responseTo(flow.sent.at(-1)!, 486, 'Busy Here', { toTag: 'b' }));
      const count = flow.sent.length;
      done.cancel();
      expect(flow.sent).toHaveLength(count);
    });

    it('a pending CANCEL is dropped if the final comes first', () => {
      const { layer, flow } = setup();
      const tx = layer.sendRequest(outgoing(pbxInvite()), flow, recorder().handlers);
      tx.cancel();
      layer.receive(flow, responseTo(flow.sent[0]!, 603, 'Decline', { toTag: 'd' }));
      expect(flow.messages().map((m) => (m.kind === 'request' ? m.method : m.status))).toEqual(['INVITE', 'ACK']);
    });

    it('gives the INVITE up 64*T1 after the CANCEL when no final response comes', () => {
      const { layer, flow, clock } = setup();
      const { log, handlers } = recorder();
      const tx = layer.sendRequest(outgoing(pbxInvite()), flow, handlers);
      layer.receive(flow, responseTo(flow.sent[0]!, 180, 'Ringing', { toTag: 'callee1' }));
      tx.cancel();
      clock.advance(64 * T1);
      expect(log).toEqual(['provisional 180', 'timeout']);
      expect(layer.stats().client).toBe(0);
    });

    it('is a no-op for non-INVITE transactions', () => {
      const { layer, flow } = setup();
      const tx = layer.sendRequest(outgoing(pbxOptions()), flow, recorder().handlers);
      layer.receive(flow, responseTo(flow.sent[0]!, 100, 'Trying'));
      tx.cancel();
      expect(flow.sent).toHaveLength(1);
    });
  });
});

describe('responses and flows', () => {
  it('drops a response whose top Via is not ours (§18.1.2)', () => {
    const { layer, flow, user } = setup();
    const { log, handlers } = recorder();
    layer.sendRequest(outgoing(pbxOptions()), flow, handlers);
    const foreign = 'SIP/2.0/WSS elsewhere.example.com;branch=z9hG4bK-test-1;rport';
    layer.receive(flow, responseTo(flow.sent[0]!, 200, 'OK', { toTag: 'x', topVia: foreign }));
    layer.receive(flow, responseTo(flow.sent[0]!, 200, 'OK', { toTag: 'x', topVia: foreign.replace('elsewhere.example.com', 'pbx.example.com:5061') }));
    expect(log).toEqual([]);
    expect(user.kinds()).toEqual([]);
    layer.receive(flow, responseTo(flow.sent[0]!, 200, 'OK', { toTag: 'x', topVia: foreign.replace('elsewhere', 'PBX') }));
    expect(log).toEqual(['final 200']);
  });

  it('a response for our Via but no transaction is a stray', () => {
    const { layer, flow, user } = setup();
    layer.receive(flow, responseTo(pbxOptions().replace('Max-Forwards', 'Via: SIP/2.0/WSS pbx.example.com;branch=z9hG4bKgone\r\nMax-Forwards'), 200, 'OK', { toTag: 'x' }));
    expect(user.kinds()).toEqual(['stray']);
  });

  it('flowClosed fails the client transactions on that flow with a transport error (or a timeout)', () => {
    const { layer, flow } = setup();
    const other = new FakeFlow('ws-2');
    const first = recorder();
    const { onTransportError: _ignored, ...withoutTransportHandler } = first.handlers;
    const second = recorder();
    const third = recorder();
    layer.sendRequest(outgoing(pbxInvite()), flow, first.handlers);
    layer.sendRequest(outgoing(pbxOptions()), flow, withoutTransportHandler);
    layer.sendRequest(outgoing(pbxOptions()), other, third.handlers);
    layer.flowClosed(flow);
    expect(first.log).toEqual(['transport-error', 'timeout']);
    expect(second.log).toEqual([]);
    expect(third.log).toEqual([]);
    expect(layer.stats().client).toBe(1);
  });

  it('sendStateless sends as is, or with our Via on top of a request', () => {
    const { layer, flow } = setup();
    const clientVia = 'SIP/2.0/WSS df7jal23ls0d.invalid;branch=z9hG4bKack2xx';
    const ack = parseRequest(
      pbxOptions()
        .replace('OPTIONS sip', 'ACK sip')
        .replace('1 OPTIONS', '1 ACK')
        .replace('Max-Forwards', `Via: ${clientVia}\r\nMax-Forwards`),
    );
    expect(layer.sendStateless(ack, flow)).toBe(true);
    expect(getHeaderLines(flow.lastRequest(), 'Via')).toEqual([clientVia]);
    expect(layer.sendStateless(ack, flow, { addVia: true })).toBe(true);
    const vias = getHeaderLines(flow.lastRequest(), 'Via');
    expect(vias[0]).toMatch(/^SIP\/2\.0\/WSS pbx\.example\.com;branch=z9hG4bK-test-\d+;rport$/);
    expect(vias[1]).toBe(clientVia);
    expect(getHeaderLines(ack, 'Via')).toEqual([clientVia]);
    expect(layer.stats()).toEqual({ server: 0, client: 0 });
    flow.close();
    expect(layer.sendStateless(ack, flow)).toBe(false);
  });

  it('close() ends everything silently and clears every timer', () => {
    const { layer, flow, clock, user } = setup({ reliableFlow: false });
    const { log, handlers } = recorder();
    layer.sendRequest(outgoing(pbxInvite()), flow, handlers);
    layer.sendRequest(outgoing(pbxOptions()), flow, handlers);
    layer.receive(flow, pbxOptions().replace('Max-Forwards', 'Via: SIP/2.0/WSS a.invalid;branch=z9hG4bKin\r\nMax-Forwards'));
    user.lastTx().respond(200);
    expect(clock.pending()).toBeGreaterThan(0);
    layer.close();
    expect(clock.pending()).toBe(0);
    expect(layer.stats()).toEqual({ server: 0, client: 0 });
    clock.advance(100_000);
    expect(log).toEqual([]);
    expect(() => layer.sendRequest(outgoing(pbxOptions()), flow, handlers)).toThrow();
  });
});
