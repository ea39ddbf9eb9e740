import { describe, expect, it } from 'vitest';
import { PnpSubscriber, type PnpState } from '../../../../electron/host/provisioning/pnpSubscriber';
import type { SipSocket, SipSocketHandlers } from '../../../../electron/host/provisioning/sipSocket';
import { ManualClock } from '../../../../electron/sip/clock';
import { parseSipMessage } from '../../../../electron/sip/message';
import type { Flow } from '../../../../electron/sip/flow/flow';
import type { Mac } from '../../../../shared/domain/mac';
import { DEVICE_KEY } from '../../pbx/provisioning/fixtures';
import { HARNESS_START, uaProfileHarness } from '../../pbx/provisioning/uaProfileHarness';

const MAC = '02:00:00:00:00:04' as Mac;
const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
};

/** The kiosk's PnP subscriber wired to the PBX's ua-profile notifier through an in-memory "WebSocket". */
function setup(options: { refuseFirst?: number } = {}) {
  const pbx = uaProfileHarness();
  const clock = new ManualClock(HARNESS_START);
  const sent: string[] = [];
  const sockets: Array<{ open: boolean }> = [];
  let refusals = options.refuseFirst ?? 0;
  const urls: string[] = [];
  const states: PnpState[] = [];
  const subscriber = new PnpSubscriber({
    mac: MAC,
    deviceKey: DEVICE_KEY,
    webSocketUrl: 'ws://pbx.example.com/sip',
    version: '0.1.0',
    refreshMs: 30_000,
    clock,
    openSocket: (url: string, handlers: SipSocketHandlers): SipSocket => {
      const state = { open: true };
      sockets.push(state);
      const pbxSide: Flow = {
        id: `pipe-${sockets.length}`,
        remoteAddress: '192.0.2.9',
        remotePort: 40000,
        secure: false,
        send: (text) => {
          if (!state.open) return false;
          queueMicrotask(() => state.open && handlers.onMessage(text));
          return true;
        },
        close: () => undefined,
      };
      if (refusals > 0) {
        refusals--;
        queueMicrotask(() => handlers.onClose('connection refused'));
      } else {
        queueMicrotask(() => handlers.onOpen());
      }
      return {
        id: `client-${sockets.length}`,
        url,
        remoteAddress: 'pbx.example.com',
        remotePort: 80,
        secure: false,
        send: (text) => {
          if (!state.open) return false;
          sent.push(text);
          queueMicrotask(() => pbx.layer.receive(pbxSide, text));
          return true;
        },
        close: () => {
          state.open = false;
          pbx.service.flowClosed(pbxSide.id);
        },
      };
    },
    onUrl: (url) => urls.push(url),
    onState: (state) => states.push(state),
  });
  return { pbx, clock, subscriber, sent, sockets, urls, states };
}

describe('PnpSubscriber with the PBX notifier', () => {
  it('subscribes with its MAC, waits as pending and stops with the URL the admin assigns', async () => {
    const { pbx, subscriber, sent, sockets, urls, states } = setup();
    subscriber.start();
    await flush();
    const subscribe = parseSipMessage(sent[0]!);
    expect(subscribe.ok && subscribe.message.kind === 'request' && subscribe.message.method).toBe('SUBSCRIBE');
    expect(sent[0]).toMatch(/^SUBSCRIBE sip:020000000004@pbx\.example\.com SIP\/2\.0\r\n/);
    expect(sent[0]).toMatch(/\r\nEvent: ua-profile;profile-type="device";vendor="Hotdesk";model="Kiosk";version="0\.1\.0"\r\n/);
    expect(sent[0]).toContain(`\r\nHotdesk-Device-Proof: key="${DEVICE_KEY.publicKey}", ts="${HARNESS_START / 1000}", nonce="`);
    expect(states.at(-1)).toEqual({ kind: 'pending' });
    expect(pbx.pending.map((phone) => [phone.mac, phone.publicKey])).toEqual([[MAC, DEVICE_KEY.publicKey]]);

    pbx.assigned.set(MAC, 'HD0004');
    pbx.service.assign(MAC, 'HD0004');
    await flush();
    expect(urls).toEqual(['http://pbx.example.com/provisioning/HD0004-token.json']);
    expect(sockets[0]?.open).toBe(false);
    expect(pbx.service.subscribedMacs()).toEqual([]);
  });

  it('refreshes its subscription in the dialog while pending', async () => {
    const { pbx, clock, subscriber, sent } = setup();
    subscriber.start();
    await flush();
    clock.advance(30_000);
    await flush();
    expect(sent).toHaveLength(4); // SUBSCRIBE, 200 for its NOTIFY, the refresh, 200 for its NOTIFY
    expect(sent[2]).toMatch(/^SUBSCRIBE sip:ua-profile@pbx\.example\.com;transport=ws SIP\/2\.0\r\n/);
    expect(sent[2]).toMatch(/\r\nTo: <sip:020000000004@pbx\.example\.com>;tag=/);
    expect(sent[2]).toMatch(/\r\nCSeq: 2 SUBSCRIBE\r\n/);
    expect(sent[3]).toMatch(/^SIP\/2\.0 200 OK\r\n/);
    expect(sent[2]).toContain(`\r\nHotdesk-Device-Proof: key="${DEVICE_KEY.publicKey}"`); // a refresh proves the key again
    expect(pbx.pending).toHaveLength(2);
    subscriber.stop();
  });

  it('reconnects with backoff after the connection fails', async () => {
    const { clock, subscriber, sockets, states } = setup({ refuseFirst: 2 });
    subscriber.start();
    await flush();
    expect(states.at(-1)).toEqual({ kind: 'failed', reason: 'No service: connection refused' });
    clock.advance(1000);
    await flush();
    expect(sockets).toHaveLength(2);
    clock.advance(1999);
    await flush();
    expect(sockets).toHaveLength(2);
    clock.advance(1);
    await flush();
    expect(sockets).toHaveLength(3);
    expect(states.at(-1)).toEqual({ kind: 'pending' });
    subscriber.stop();
  });

  it('gets the URL at once when its MAC is already assigned', async () => {
    const { pbx, subscriber, urls } = setup();
    pbx.assigned.set(MAC, 'HD0004');
    subscriber.start();
    await flush();
    expect(urls).toEqual(['http://pbx.example.com/provisioning/HD0004-token.json']);
  });
});
