import { describe, expect, it } from 'vitest';
import { buildResponse, getToTag, type SipRequest } from '../../../../electron/sip/message';
import { answerInvite, DialogSet, type AnsweredInvite, type Dialog } from '../../../../electron/sip/dialog';
import { T1 } from '../../../../electron/sip/transaction';
import { setup } from '../transaction/setup';
import { clientAck, clientInvite, parseRequest } from '../transaction/support';

/** An IVR that answers every INVITE 200 with answerInvite, and keeps the answer for the ACK. */
function ivr(reliableFlow: boolean) {
  const env = setup({ reliableFlow });
  const dialogs = new DialogSet();
  const timeouts: Dialog[] = [];
  let answered: AnsweredInvite | undefined;
  env.user.onRequestHook = (tx, request) => {
    const ok = buildResponse(request, 200, {
      toTag: 'ivr-tag',
      headers: [{ name: 'Contact', value: '<sip:ivr@pbx.example.com;transport=ws>' }],
    });
    answered = answerInvite(tx, ok, { clock: env.clock, onAckTimeout: (dialog) => timeouts.push(dialog) });
    dialogs.add(answered.dialog);
  };
  env.layer.receive(env.flow, clientInvite());
  if (answered === undefined) throw new Error('not answered');
  const acks = (): SipRequest[] => env.user.events.flatMap((event) => (event.kind === 'ack' ? [event.request] : []));
  return { ...env, answered, dialogs, timeouts, acks };
}

describe('answerInvite (RFC 3261 §13.3.1.4)', () => {
  it('sends the 2xx once over WebSocket and stops waiting when the ACK comes', () => {
    const { layer, flow, clock, answered, dialogs, timeouts, acks } = ivr(true);
    expect(flow.statuses()).toEqual([100, 200]);
    expect(answered.sent).toBe(true);
    expect(getToTag(flow.lastResponse())).toBe('ivr-tag');
    clock.advance(10_000);
    expect(flow.sent).toHaveLength(2);

    layer.receive(flow, clientAck('ivr-tag', 'z9hG4bKack2xx'));
    const [ack] = acks();
    expect(dialogs.find(ack!)).toBe(answered.dialog);
    expect(answered.receiveAck(ack!)).toBe(true);
    expect(answered.acked).toBe(true);
    clock.advance(64 * T1);
    expect(timeouts).toEqual([]);
    expect(clock.pending()).toBe(0);
  });

  it('reports "no ACK" after 64*T1 so that the IVR can send BYE', () => {
    const { clock, answered, timeouts, flow } = ivr(true);
    clock.advance(64 * T1 - 1);
    expect(timeouts).toEqual([]);
    clock.advance(1);
    expect(timeouts).toEqual([answered.dialog]);
    expect(answered.acked).toBe(false);
    expect(flow.sent).toHaveLength(2);
    const bye = answered.dialog.createRequest('BYE');
    expect(bye.method).toBe('BYE');
  });

  it('retransmits the 2xx at T1, 2*T1, … up to T2 on an unreliable flow until the ACK', () => {
    const { layer, flow, clock, answered, acks } = ivr(false);
    const times: number[] = [];
    while (clock.now() < 16_000) {
      const count = flow.sent.length;
      clock.advance(100);
      if (flow.sent.length > count) times.push(clock.now());
    }
    expect(times).toEqual([500, 1500, 3500, 7500, 11500, 15500]);
    expect(new Set(flow.sent.slice(1)).size).toBe(1);
    layer.receive(flow, clientAck('ivr-tag', 'z9hG4bKack2xx'));
    expect(answered.receiveAck(acks()[0]!)).toBe(true);
    const count = flow.sent.length;
    clock.advance(60_000);
    expect(flow.sent).toHaveLength(count);
  });

  it('ignores an ACK for something else', () => {
    const { answered } = ivr(true);
    expect(answered.receiveAck(parseRequest(clientAck('other-tag', 'z9hG4bKx')))).toBe(false);
    expect(answered.receiveAck(parseRequest(clientAck('ivr-tag').replace('7003 ACK', '7002 ACK')))).toBe(false);
    expect(answered.acked).toBe(false);
  });

  it('only sends 2xx responses to INVITEs', () => {
    const env = setup();
    let error: unknown;
    env.user.onRequestHook = (tx, request) => {
      try {
        answerInvite(tx, buildResponse(request, 486, { toTag: 't' }), { clock: env.clock, onAckTimeout: () => {} });
      } catch (caught) {
        error = caught;
      }
    };
    env.layer.receive(env.flow, clientInvite());
    expect(error).toBeInstanceOf(TypeError);
  });
});
