import { describe, expect, it } from 'vitest';
import { DialogEventService } from '../../../../electron/pbx/core/presence/dialogEvents/dialogEventService';
import { ManualClock } from '../../../../electron/sip/clock';
import { getHeader, getToTag, type SipRequest } from '../../../../electron/sip/message';
import { type ServerTransaction, TransactionLayer, type TransactionUser } from '../../../../electron/sip/transaction';
import type { Flow } from '../../../../electron/sip/flow/flow';
import { countingIds, FakeFlow, sip } from '../../sip/transaction/support';
import { okFor } from '../provisioning/uaProfileHarness';

/** The dialog notifier behind a real transaction layer with a manual clock, fed SIP text on a fake flow. */
function harness() {
  const clock = new ManualClock(1_000_250);
  const user: TransactionUser = {
    onRequest(tx: ServerTransaction, request: SipRequest, flow: Flow) {
      const handled = getToTag(request) !== undefined ? service.handleInDialog(tx, request, flow) : service.handleRequest(tx, request, flow, '102');
      if (!handled) tx.respond(404);
    },
    onAck() {},
    onCancel() {},
    onStrayResponse() {},
  };
  const layer = new TransactionLayer({ clock, ids: countingIds(), user, viaHost: 'pbx.example.com' });
  const service = new DialogEventService({
    layer,
    clock,
    ids: countingIds(),
    viaHost: 'pbx.example.com',
    domain: 'pbx.example.com',
    state: { isExtension: () => true, isRegistered: () => true, dialogsOf: () => [] },
  });
  const flow = new FakeFlow('ws-1', { secure: false });
  const notifies = () => flow.messages().filter((message): message is SipRequest => message.kind === 'request' && message.method === 'NOTIFY');
  const subscribe = (expires: number, cseq = 1, toTag?: string) =>
    layer.receive(
      flow,
      sip([
        `SUBSCRIBE sip:102@pbx.example.com SIP/2.0`,
        `Via: SIP/2.0/WS abc.invalid;branch=z9hG4bKsub${cseq}`,
        'Max-Forwards: 70',
        'From: <sip:100@pbx.example.com>;tag=watcher',
        `To: <sip:102@pbx.example.com>${toTag ? `;tag=${toTag}` : ''}`,
        'Call-ID: blf-1',
        `CSeq: ${cseq} SUBSCRIBE`,
        'Contact: <sip:100@abc.invalid;transport=ws>',
        'Event: dialog',
        `Expires: ${expires}`,
      ]),
    );
  /** The watcher answers every NOTIFY so far 200 (an unanswered one would end the subscription, RFC 6665 §4.2.2). */
  const answer = () => {
    for (const notify of notifies().slice(answered)) layer.receive(flow, okFor(notify));
    answered = notifies().length;
  };
  let answered = 0;
  return { clock, service, flow, notifies, subscribe, answer };
}

describe('dialog event notifier: expiry (RFC 6665 §4.2.2)', () => {
  it('ends an expired subscription with terminated;reason=timeout at the next whole second; a refresh moves it', () => {
    const { clock, service, flow, notifies, subscribe, answer } = harness();
    subscribe(60);
    answer();
    const toTag = getToTag(flow.messages()[0]!)!;
    expect(getHeader(notifies()[0]!, 'Subscription-State')).toBe('active;expires=60');
    clock.advance(50_000);
    subscribe(60, 2, toTag);
    answer();
    expect(getHeader(notifies().at(-1)!, 'Subscription-State')).toBe('active;expires=60');
    clock.advance(60_000);
    expect(notifies().map((notify) => getHeader(notify, 'Subscription-State'))).toEqual(['active;expires=60', 'active;expires=60']);
    expect(service.size).toBe(1);
    clock.advance(750); // ran out at 1,110.25 s: ended at 1,111 s
    expect(getHeader(notifies().at(-1)!, 'Subscription-State')).toBe('terminated;reason=timeout');
    expect(service.size).toBe(0);
    answer();
    clock.advance(3_600_000);
    expect(notifies()).toHaveLength(3);
  });
});
