import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../../electron/sip/clock';
import { CheckSync } from '../../../../electron/pbx/core/presence/checkSync';
import { getHeader, parseSipUri, serializeUri, type SipRequest, type SipUri } from '../../../../electron/sip/message';
import { TransactionLayer } from '../../../../electron/sip/transaction';
import { countingIds, FakeFlow, RecordingUser } from '../../sip/transaction/support';
import { okFor } from './uaProfileHarness';

function harness(bindings: Record<string, Array<{ contact: string; flowId: string }>>, aors: string[]) {
  const clock = new ManualClock();
  const layer = new TransactionLayer({ clock, ids: countingIds(), user: new RecordingUser(), viaHost: 'pbx.example.com' });
  const flows = new Map([['ws-1', new FakeFlow('ws-1', { secure: false })], ['ws-2', new FakeFlow('ws-2', { secure: true })]]);
  const checkSync = new CheckSync({
    layer,
    clock,
    ids: countingIds(),
    domain: 'hotdesk.local',
    viaHost: 'pbx.example.com',
    bindingsOf: (aor) => (bindings[aor] ?? []).map((binding) => ({ contactUri: parseSipUri(binding.contact) as SipUri, flowId: binding.flowId })),
    flows: { flowById: (id) => flows.get(id) },
    aorsOf: () => aors,
    timeoutMs: 5000,
  });
  return { clock, layer, flows, checkSync };
}

describe('check-sync', () => {
  it('sends an out-of-dialog NOTIFY with Event: check-sync to every registered contact of the device', async () => {
    const { layer, flows, checkSync } = harness(
      {
        HD0004: [{ contact: 'sip:k3j2@a1.invalid;transport=ws', flowId: 'ws-1' }],
        '100': [{ contact: 'sip:q9x8@b2.invalid;transport=ws', flowId: 'ws-2' }],
      },
      ['HD0004', '100'],
    );
    const outcome = checkSync.send('HD0004');
    const first = flows.get('ws-1')!.lastRequest();
    const second = flows.get('ws-2')!.lastRequest();
    expect(first.method).toBe('NOTIFY');
    expect(serializeUri(first.requestUri)).toBe('sip:k3j2@a1.invalid;transport=ws');
    expect(getHeader(first, 'Event')).toBe('check-sync');
    expect(getHeader(first, 'Subscription-State')).toBe('terminated');
    expect(getHeader(first, 'To')).toBe('<sip:HD0004@hotdesk.local>');
    expect(getHeader(first, 'From')).toMatch(/^<sip:provisioning@hotdesk\.local>;tag=/);
    expect(getHeader(first, 'Contact')).toBe('<sip:provisioning@pbx.example.com;transport=ws>');
    expect(getHeader(first, 'Content-Length')).toBe('0');
    expect(getHeader(second, 'To')).toBe('<sip:100@hotdesk.local>');
    expect(getHeader(second, 'Contact')).toBe('<sip:provisioning@pbx.example.com;transport=wss>');
    layer.receive(flows.get('ws-1')!, okFor(first));
    layer.receive(flows.get('ws-2')!, okFor(second as SipRequest).replace('200 OK', '481 Call/Transaction Does Not Exist'));
    expect(await outcome).toEqual([
      { aor: 'HD0004', contact: 'sip:k3j2@a1.invalid;transport=ws', status: 200 },
      { aor: '100', contact: 'sip:q9x8@b2.invalid;transport=ws', status: 481 },
    ]);
  });

  it('reports contacts whose connection is gone or that do not answer', async () => {
    const { clock, checkSync } = harness(
      { HD0004: [{ contact: 'sip:a@x.invalid;transport=ws', flowId: 'gone' }, { contact: 'sip:b@y.invalid;transport=ws', flowId: 'ws-1' }] },
      ['HD0004', 'HD0004'],
    );
    const outcome = checkSync.send('HD0004');
    clock.advance(5000);
    expect(await outcome).toEqual([
      { aor: 'HD0004', contact: 'sip:a@x.invalid;transport=ws', error: 'no-flow' },
      { aor: 'HD0004', contact: 'sip:b@y.invalid;transport=ws', error: 'timeout' },
    ]);
  });

  it('also reaches a user the device may still be registered as (the one who just logged out), picking its targets at once', async () => {
    const bindings = { '100': [{ contact: 'sip:q9x8@b2.invalid;transport=ws', flowId: 'ws-2' }] };
    const { flows, checkSync, clock } = harness(bindings, ['HD0004']);
    const outcome = checkSync.send('HD0004', ['100']);
    bindings['100'] = []; // the logout drops the registration right after; the NOTIFY is already on its way
    expect(getHeader(flows.get('ws-2')!.lastRequest(), 'To')).toBe('<sip:100@hotdesk.local>');
    clock.advance(5000);
    expect((await outcome).map((sent) => sent.aor)).toEqual(['100']);
  });

  it('resolves with nothing when the device is not registered', async () => {
    expect(await harness({}, ['HD0004']).checkSync.send('HD0004')).toEqual([]);
  });
});
