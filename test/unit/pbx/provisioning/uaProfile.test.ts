import { describe, expect, it } from 'vitest';
import { getBodyText, getHeader, getToTag, type SipRequest } from '../../../../electron/sip/message';
import type { Mac } from '../../../../shared/domain/mac';
import type { FakeFlow } from '../../sip/transaction/support';
import { DEVICE_KEY, OTHER_KEY } from './fixtures';
import { okFor, subscribe, uaProfileHarness } from './uaProfileHarness';

const MAC = '02:00:00:00:00:04' as Mac;

function notifies(flow: FakeFlow): SipRequest[] {
  return flow.messages().filter((message): message is SipRequest => message.kind === 'request' && message.method === 'NOTIFY');
}

describe('ua-profile notifier (RFC 6080 plug-and-play)', () => {
  it('accepts an unprovisioned device, sends the initial NOTIFY without a body and lists the phone as pending', () => {
    const { layer, flow, pending, service } = uaProfileHarness();
    layer.receive(flow, subscribe());
    const [ok, notify] = flow.messages();
    expect(ok).toMatchObject({ kind: 'response', status: 200 });
    expect(getHeader(ok!, 'Expires')).toBe('120');
    expect(getHeader(ok!, 'Contact')).toBe('<sip:ua-profile@pbx.example.com;transport=ws>');
    expect(notify).toMatchObject({ kind: 'request', method: 'NOTIFY' });
    const request = notify as SipRequest;
    expect(getHeader(request, 'Event')).toBe('ua-profile;profile-type="device";vendor="Hotdesk";model="Kiosk";version="0.1.0"');
    expect(getHeader(request, 'Subscription-State')).toBe('active;expires=120');
    expect(getToTag(request)).toBe('dev1');
    expect(request.body).toHaveLength(0);
    expect(pending).toEqual([
      {
        mac: MAC,
        userAgent: 'Hotdesk-Kiosk/0.1.0',
        vendor: 'Hotdesk',
        model: 'Kiosk',
        firmware: '0.1.0',
        address: '192.0.2.44',
        publicKey: DEVICE_KEY.publicKey,
        at: new Date('2025-06-01T12:00:00Z'),
      },
    ]);
    expect(service.subscribedMacs()).toEqual([MAC]);
  });

  it('sends the provisioning URL as application/url when the admin assigns the phone', () => {
    const { layer, flow, service, assigned } = uaProfileHarness();
    layer.receive(flow, subscribe());
    assigned.set(MAC, 'HD0004');
    expect(service.assign(MAC, 'HD0004')).toBe(1);
    const notify = notifies(flow).at(-1)!;
    expect(getHeader(notify, 'Content-Type')).toBe('application/url');
    expect(getBodyText(notify)).toBe('http://pbx.example.com/provisioning/HD0004-token.json');
    expect(getHeader(notify, 'CSeq')).toBe('2 NOTIFY');
    expect(() => service.assign(MAC, 'nothing')).toThrow(/no hot-desking device/);
  });

  it('gives an already assigned MAC its URL in the first NOTIFY and does not list it as pending', () => {
    const { layer, flow, pending, assigned } = uaProfileHarness();
    assigned.set(MAC, 'HD0004');
    layer.receive(flow, subscribe());
    expect(getBodyText(notifies(flow)[0]!)).toBe('http://pbx.example.com/provisioning/HD0004-token.json');
    expect(pending).toEqual([]);
  });

  it('uses message/external-body (RFC 4483) for a subscriber that accepts only that', () => {
    const { layer, flow, assigned } = uaProfileHarness();
    assigned.set(MAC, 'HD0004');
    layer.receive(flow, subscribe({ accept: 'message/external-body' }));
    const notify = notifies(flow)[0]!;
    expect(getHeader(notify, 'Content-Type')).toBe(
      'message/external-body;access-type="URL";URL="http://pbx.example.com/provisioning/HD0004-token.json"',
    );
    expect(getBodyText(notify)).toMatch(/^Content-Type: application\/json\r\nContent-ID: <.+@pbx\.example\.com>\r\n\r\n$/);
  });

  it("reads the MAC from RFC 6080's urn:uuid device id (version 1 UUID, node = MAC)", () => {
    const { layer, flow, pending } = uaProfileHarness();
    layer.receive(flow, subscribe({ user: 'urn%3Auuid%3A00000000-0000-1000-8000-0200000000aa', from: 'anonymous' }));
    expect(flow.statuses()[0]).toBe(200);
    expect(pending[0]?.mac).toBe('02:00:00:00:00:aa');
  });

  it('reads the MAC from the From user when the Request-URI has none', () => {
    const { layer, flow, pending } = uaProfileHarness();
    layer.receive(flow, subscribe({ user: 'anonymous', from: '02-00-00-00-00-09' }));
    expect(flow.statuses()[0]).toBe(200);
    expect(pending[0]?.mac).toBe('02:00:00:00:00:09');
  });

  it('refuses other profile types, requests without a MAC or Contact, and too-short subscriptions', () => {
    const cases: Array<[Parameters<typeof subscribe>[0], number]> = [
      [{ event: 'ua-profile;profile-type=user' }, 489],
      [{ user: 'anonymous' }, 400],
      [{ contact: null }, 400],
      [{ expires: 5 }, 423],
    ];
    for (const [options, status] of cases) {
      const { layer, flow, pending } = uaProfileHarness();
      layer.receive(flow, subscribe(options));
      expect(flow.statuses()).toEqual([status]);
      expect(pending).toEqual([]);
    }
  });

  it('leaves other SUBSCRIBEs and methods to the rest of the core', () => {
    const { layer, flow, unhandled, service } = uaProfileHarness();
    layer.receive(flow, subscribe({ event: 'dialog' }));
    expect(unhandled).toEqual(['SUBSCRIBE']);
    expect(service.takesUnauthenticated({ method: 'SUBSCRIBE', headers: [{ name: 'Event', value: 'ua-profile' }] } as never)).toBe(true);
    expect(service.takesUnauthenticated({ method: 'INVITE', headers: [{ name: 'Event', value: 'ua-profile' }] } as never)).toBe(false);
  });

  it('grants at most an hour, and a default hour when no Expires is given', () => {
    const { layer, flow } = uaProfileHarness();
    layer.receive(flow, subscribe({ expires: 86400 }));
    expect(getHeader(flow.messages()[0]!, 'Expires')).toBe('3600');
    const other = uaProfileHarness();
    other.layer.receive(other.flow, subscribe({ expires: null }));
    expect(getHeader(other.flow.messages()[0]!, 'Expires')).toBe('3600');
  });

  it('answers a refresh with 200 and a NOTIFY, and an unsubscribe with a terminated NOTIFY', () => {
    const { layer, flow, clock, pending, service } = uaProfileHarness();
    layer.receive(flow, subscribe());
    const toTag = getToTag(flow.messages()[0]!)!;
    layer.receive(flow, okFor(notifies(flow)[0]!));
    clock.advance(60_000);
    layer.receive(flow, subscribe({ toTag, cseq: 2 }));
    const afterRefresh = flow.messages().slice(2);
    expect(afterRefresh[0]).toMatchObject({ kind: 'response', status: 200 });
    expect(getHeader(afterRefresh[1]!, 'Subscription-State')).toBe('active;expires=120');
    expect(pending).toHaveLength(2); // last seen
    expect(pending[1]?.at).toEqual(new Date('2025-06-01T12:01:00Z'));

    layer.receive(flow, subscribe({ toTag, cseq: 1 }));
    expect(flow.lastResponse().status).toBe(500); // CSeq below the last one (RFC 3261 §12.2.2)

    layer.receive(flow, subscribe({ toTag, cseq: 3, expires: 0 }));
    expect(getHeader(notifies(flow).at(-1)!, 'Subscription-State')).toBe('terminated');
    expect(service.subscribedMacs()).toEqual([]);
    layer.receive(flow, subscribe({ toTag, cseq: 4 }));
    expect(flow.lastResponse().status).toBe(404); // no longer its dialog: the core answers (481 there)
  });

  it('ends an expired subscription with terminated;reason=timeout', () => {
    const { layer, flow, clock, service } = uaProfileHarness();
    layer.receive(flow, subscribe({ expires: 60 }));
    layer.receive(flow, okFor(notifies(flow)[0]!));
    clock.advance(60_000);
    expect(getHeader(notifies(flow).at(-1)!, 'Subscription-State')).toBe('terminated;reason=timeout');
    expect(service.subscribedMacs()).toEqual([]);
  });

  it('forgets subscriptions whose WebSocket closed, or whose NOTIFY was refused', () => {
    const { layer, flow, service } = uaProfileHarness();
    layer.receive(flow, subscribe());
    service.flowClosed(flow.id);
    expect(service.subscribedMacs()).toEqual([]);

    const other = uaProfileHarness();
    other.layer.receive(other.flow, subscribe());
    const notify = notifies(other.flow)[0]!;
    other.layer.receive(other.flow, okFor(notify).replace('SIP/2.0 200 OK', 'SIP/2.0 481 Subscription does not exist'));
    expect(other.service.subscribedMacs()).toEqual([]);
  });

  it('refuses new subscriptions beyond its limit', () => {
    const { layer, flow } = uaProfileHarness({ maxSubscriptions: 1 });
    layer.receive(flow, subscribe());
    layer.receive(flow, subscribe({ user: '020000000005' }).replace('pnp-call-1', 'pnp-call-2'));
    expect(flow.statuses().filter((status) => status !== -1)).toEqual([200, 503]);
  });
});

describe('ua-profile notifier: device enrolment', () => {
  const url = 'http://pbx.example.com/provisioning/HD0004-token.json';

  it('gives no URL to a SUBSCRIBE for an enrolled MAC that proves no key, and lists it as pending without a key', () => {
    const { layer, flow, pending, assigned } = uaProfileHarness();
    assigned.set(MAC, 'HD0004');
    layer.receive(flow, subscribe({ key: null }));
    expect(flow.statuses()[0]).toBe(200);
    expect(notifies(flow)[0]?.body).toHaveLength(0);
    expect(pending.map((phone) => [phone.mac, phone.publicKey])).toEqual([[MAC, null]]);
  });

  it('gives no URL to a SUBSCRIBE proving another key, and lists it with that key for the console to flag', () => {
    const { layer, flow, pending, assigned } = uaProfileHarness();
    assigned.set(MAC, 'HD0004');
    layer.receive(flow, subscribe({ key: OTHER_KEY }));
    expect(flow.statuses()[0]).toBe(200);
    expect(notifies(flow)[0]?.body).toHaveLength(0);
    expect(pending.map((phone) => phone.publicKey)).toEqual([OTHER_KEY.publicKey]);
  });

  it('gives no URL while the MAC has a device that is not enrolled yet', () => {
    const { layer, flow, pending, assigned, enrolled } = uaProfileHarness();
    assigned.set(MAC, 'HD0004');
    enrolled.set(MAC, null);
    layer.receive(flow, subscribe());
    expect(notifies(flow)[0]?.body).toHaveLength(0);
    expect(pending.map((phone) => phone.publicKey)).toEqual([DEVICE_KEY.publicKey]);
  });

  it('answers 403 to a forged, malformed, stale or replayed proof and lists nothing', () => {
    const forged = subscribe({ key: OTHER_KEY }).replace(OTHER_KEY.publicKey, DEVICE_KEY.publicKey);
    const stale = subscribe({ provedAt: Date.parse('2025-06-01T11:54:00Z') });
    const replayed = subscribe();
    const cases = [forged, subscribe({ proof: 'key="x"' }), stale];
    for (const request of cases) {
      const { layer, flow, pending } = uaProfileHarness();
      layer.receive(flow, request);
      expect(flow.statuses()).toEqual([403]);
      expect(pending).toEqual([]);
    }
    const { layer, flow } = uaProfileHarness();
    layer.receive(flow, replayed);
    layer.receive(flow, replayed.replace(/branch=z9hG4bK[0-9a-f]+/, 'branch=z9hG4bKagain'));
    expect(flow.statuses().filter((status) => status !== -1)).toEqual([200, 403]);
  });

  it('pushes the URL on Assign only to the subscriber that proved the enrolled key', () => {
    const { layer, flow, service, assigned } = uaProfileHarness();
    layer.receive(flow, subscribe({ key: OTHER_KEY, callId: 'impostor' }));
    layer.receive(flow, subscribe({ callId: 'device' }));
    assigned.set(MAC, 'HD0004');
    expect(service.assign(MAC, 'HD0004')).toBe(1);
    const withUrl = notifies(flow).filter((notify) => getBodyText(notify) === url);
    expect(withUrl.map((notify) => getHeader(notify, 'Call-ID'))).toEqual(['device']);
  });

  it("refuses a refresh that does not prove the subscription's key, and keeps the subscription for its holder", () => {
    const { layer, flow, service } = uaProfileHarness();
    layer.receive(flow, subscribe());
    const toTag = getToTag(flow.messages()[0]!)!;
    layer.receive(flow, okFor(notifies(flow)[0]!));
    layer.receive(flow, subscribe({ toTag, cseq: 2, key: OTHER_KEY }));
    expect(flow.lastResponse().status).toBe(403);
    layer.receive(flow, subscribe({ toTag, cseq: 3, key: null }));
    expect(flow.lastResponse().status).toBe(403);
    layer.receive(flow, subscribe({ toTag, cseq: 4 }));
    expect(flow.statuses().filter((status) => status !== -1)).toEqual([200, 403, 403, 200]);
    expect(service.subscribedMacs()).toEqual([MAC]);
  });
});
