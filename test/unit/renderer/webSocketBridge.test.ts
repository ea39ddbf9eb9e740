import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BridgeError, DEFAULT_SETTINGS, MAX_BRIDGE_FRAME_BYTES } from '../../../shared/contracts';
import {
  CANNOT_CONNECT,
  CONNECTION_LOST,
  NOT_CONNECTED,
  WebSocketBridge,
  bridgeUrl,
} from '../../../renderer/src/bridge/webSocketBridge';
import { backoffDelay as reconnectDelay } from '../../../shared/util/backoff';
import { APP_INFO, FakeSocket, POOL_VIEW, flush } from './fakes';

const silent = () => undefined;

function makeBridge(overrides: Partial<ConstructorParameters<typeof WebSocketBridge>[0]> = {}) {
  return new WebSocketBridge({
    url: 'ws://kiosk.test/bridge',
    createSocket: (url) => new FakeSocket(url),
    random: () => 0.5,
    log: silent,
    ...overrides,
  });
}

beforeEach(() => {
  FakeSocket.created = [];
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('bridgeUrl', () => {
  it('uses ws: on http and wss: on https, on the page host', () => {
    expect(bridgeUrl({ protocol: 'http:', host: 'localhost:5170', search: '' })).toBe('ws://localhost:5170/bridge');
    expect(bridgeUrl({ protocol: 'https:', host: 'kiosk.example', search: '' })).toBe('wss://kiosk.example/bridge');
  });

  it("passes the page's ?mac= through unchanged, keeping colons literal", () => {
    expect(bridgeUrl({ protocol: 'http:', host: 'h:1', search: '?mac=02:00:00:00:00:02' })).toBe('ws://h:1/bridge?mac=02:00:00:00:00:02');
    expect(bridgeUrl({ protocol: 'http:', host: 'h:1', search: '?debug=1&mac=02-00-00-00-00-02' })).toBe(
      'ws://h:1/bridge?mac=02-00-00-00-00-02',
    );
  });

  it("passes the page's ?account= (a demo softphone) through as well, and nothing else", () => {
    expect(bridgeUrl({ protocol: 'http:', host: 'h:1', search: '?account=101' })).toBe('ws://h:1/bridge?account=101');
    expect(bridgeUrl({ protocol: 'http:', host: 'h:1', search: '?account=101&mac=02-00-00-00-00-02&x=1' })).toBe(
      'ws://h:1/bridge?mac=02-00-00-00-00-02&account=101',
    );
    expect(bridgeUrl({ protocol: 'http:', host: 'h', search: '?account=1 0&1' })).toBe('ws://h/bridge?account=1%200');
  });

  it('does not validate the mac (the host does) but keeps the URL well formed', () => {
    expect(bridgeUrl({ protocol: 'http:', host: 'h', search: '?mac=not a mac&x' })).toBe('ws://h/bridge?mac=not%20a%20mac');
    expect(bridgeUrl({ protocol: 'http:', host: 'h', search: '?mac=' })).toBe('ws://h/bridge?mac=');
  });
});

describe('reconnectDelay', () => {
  const options = { initialMs: 500, maxMs: 10_000 };

  it('doubles from the initial delay up to the maximum', () => {
    const middle = () => 0.5;
    expect([0, 1, 2, 3, 4, 5, 6].map((attempt) => reconnectDelay(attempt, options, middle))).toEqual([
      500, 1000, 2000, 4000, 8000, 10_000, 10_000,
    ]);
  });

  it('spreads reconnects by ±20 %', () => {
    expect(reconnectDelay(0, options, () => 0)).toBe(400);
    expect(reconnectDelay(0, options, () => 0.999_999)).toBe(600);
  });
});

describe('WebSocketBridge requests', () => {
  it('connects at once to the given URL and sends calls made while connecting once the socket opens', async () => {
    const bridge = makeBridge();
    const socket = FakeSocket.latest();
    expect(socket.url).toBe('ws://kiosk.test/bridge');
    expect(bridge.connectionState).toBe('connecting');

    const info = bridge.invoke('app.info');
    expect(socket.sent).toEqual([]);
    socket.open();
    expect(bridge.connectionState).toBe('open');
    expect(socket.requests()).toEqual([{ type: 'request', id: 1, name: 'app.info', args: [] }]);

    socket.reply(1, APP_INFO);
    await expect(info).resolves.toEqual(APP_INFO);
  });

  it('matches replies to requests by id, in any order', async () => {
    const bridge = makeBridge();
    const socket = FakeSocket.latest();
    socket.open();
    const view = bridge.invoke('device.view');
    const settings = bridge.invoke('settings.get');
    const [first, second] = socket.requests();
    socket.reply(second!.id, DEFAULT_SETTINGS);
    socket.reply(first!.id, POOL_VIEW);
    await expect(view).resolves.toEqual(POOL_VIEW);
    await expect(settings).resolves.toEqual(DEFAULT_SETTINGS);
  });

  it('validates results with the request schema and applies its defaults', async () => {
    const bridge = makeBridge();
    const socket = FakeSocket.latest();
    socket.open();
    const settings = bridge.invoke('settings.get');
    socket.reply(1, { theme: 'dark' });
    await expect(settings).resolves.toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });

    const view = bridge.invoke('device.view');
    socket.reply(2, { mac: 'x', identity: { kind: 'pool' }, options: {} });
    const error = await view.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BridgeError);
    expect(error).toMatchObject({ code: 'internal' });
    expect((error as Error).message).toMatch(/^device\.view result: /);
  });

  it('rejects with the host error as a BridgeError', async () => {
    const bridge = makeBridge();
    const socket = FakeSocket.latest();
    socket.open();
    const update = bridge.invoke('settings.update', { theme: 'dark' });
    socket.receive({ type: 'result', id: 1, ok: false, error: { code: 'forbidden', message: 'Settings are locked' } });
    await expect(update).rejects.toEqual(new BridgeError('forbidden', 'Settings are locked'));
    await expect(update).rejects.toBeInstanceOf(BridgeError);
  });

  it('rejects bad arguments before sending anything', async () => {
    const bridge = makeBridge();
    const socket = FakeSocket.latest();
    socket.open();
    // @ts-expect-error — deliberately wrong at compile time too
    await expect(bridge.invoke('settings.update', { theme: 'neon' })).rejects.toMatchObject({ code: 'bad-request' });
    expect(socket.sent).toEqual([]);
  });

  it('sends a settings patch as given, not grown into a full settings object by schema defaults', () => {
    const bridge = makeBridge();
    const socket = FakeSocket.latest();
    socket.open();
    void bridge.invoke('settings.update', { theme: 'dark' });
    expect(socket.requests()[0]?.args).toEqual([{ theme: 'dark' }]);
  });

  it('refuses a request frame larger than the protocol allows', async () => {
    const bridge = makeBridge();
    FakeSocket.latest().open();
    const huge = { sipAccount: { webSocketUrl: 'wss://x', uri: 'sip:1@x', authUser: 'a', password: 'p', displayName: 'x'.repeat(MAX_BRIDGE_FRAME_BYTES) } };
    await expect(bridge.invoke('settings.update', huge)).rejects.toMatchObject({ code: 'bad-request' });
  });

  it('settles a call whose reply is malformed instead of leaving it waiting', async () => {
    const bridge = makeBridge();
    const socket = FakeSocket.latest();
    socket.open();
    const info = bridge.invoke('app.info');
    socket.receive({ type: 'result', id: 1, ok: false, error: 'boom' });
    await expect(info).rejects.toMatchObject({ code: 'internal', message: 'app.info: malformed reply from the device host' });
  });

  it('ignores frames that are not JSON, binary, or answer nothing pending', async () => {
    const bridge = makeBridge();
    const socket = FakeSocket.latest();
    socket.open();
    const info = bridge.invoke('app.info');
    socket.receive('not json');
    socket.onmessage?.({ data: new ArrayBuffer(4) } as MessageEvent);
    socket.reply(99, APP_INFO);
    socket.reply(1, APP_INFO);
    await expect(info).resolves.toEqual(APP_INFO);
  });

  it('times out a call the host never answers', async () => {
    const bridge = makeBridge({ requestTimeoutMs: 1000 });
    FakeSocket.latest().open();
    const info = bridge.invoke('app.info');
    vi.advanceTimersByTime(1000);
    await expect(info).rejects.toMatchObject({ code: 'internal', message: 'app.info: no reply from the device host within 1 s' });
  });
});

describe('WebSocketBridge connection loss', () => {
  it('rejects every unanswered call with a BridgeError when the socket closes', async () => {
    const bridge = makeBridge();
    const socket = FakeSocket.latest();
    socket.open();
    const sent = bridge.invoke('app.info');
    socket.fail();
    await expect(sent).rejects.toEqual(new BridgeError('internal', CONNECTION_LOST));
    expect(bridge.connectionState).toBe('closed');
  });

  it('says it cannot connect when the socket never opened', async () => {
    const bridge = makeBridge();
    const queued = bridge.invoke('device.view');
    FakeSocket.latest().fail();
    await expect(queued).rejects.toEqual(new BridgeError('internal', CANNOT_CONNECT));
  });

  it('fails calls at once while disconnected rather than queueing them', async () => {
    const bridge = makeBridge();
    FakeSocket.latest().fail();
    await expect(bridge.invoke('app.info')).rejects.toEqual(new BridgeError('internal', NOT_CONNECTED));
  });

  it('reconnects with growing delays and resets them after a successful open', () => {
    const bridge = makeBridge();
    const states: string[] = [];
    bridge.onConnectionChange((state) => states.push(state));

    FakeSocket.latest().fail();
    vi.advanceTimersByTime(499);
    expect(FakeSocket.created).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.created).toHaveLength(2);

    FakeSocket.latest().fail();
    vi.advanceTimersByTime(999);
    expect(FakeSocket.created).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.created).toHaveLength(3);

    FakeSocket.latest().open();
    FakeSocket.latest().fail();
    vi.advanceTimersByTime(500);
    expect(FakeSocket.created).toHaveLength(4);
    expect(FakeSocket.latest().url).toBe('ws://kiosk.test/bridge');
    expect(states).toEqual(['closed', 'connecting', 'closed', 'connecting', 'open', 'closed', 'connecting']);
  });

  it('fetches the page again before each reconnect (for the page secret of a restarted host), not before the first connect', async () => {
    const refreshed: number[] = [];
    let finishRefresh: () => void = () => undefined;
    const bridge = makeBridge({
      beforeReconnect: () => {
        refreshed.push(FakeSocket.created.length);
        return new Promise<void>((resolve) => (finishRefresh = resolve));
      },
    });
    expect([FakeSocket.created.length, refreshed]).toEqual([1, []]);
    FakeSocket.latest().fail();
    vi.advanceTimersByTime(500);
    expect(refreshed).toEqual([1]);
    // The socket waits for the page: the new secret must be in before the upgrade asks for it.
    expect(FakeSocket.created).toHaveLength(1);
    finishRefresh();
    await flush();
    expect(FakeSocket.created).toHaveLength(2);
    FakeSocket.latest().open();
    expect(bridge.connectionState).toBe('open');
  });

  it('tries to reconnect even when fetching the page fails', async () => {
    makeBridge({ beforeReconnect: () => Promise.reject(new TypeError('Failed to fetch')) });
    FakeSocket.latest().fail();
    vi.advanceTimersByTime(500);
    await flush();
    expect(FakeSocket.created).toHaveLength(2);
  });

  it('keeps its event listeners across a reconnect and invents no events', () => {
    const bridge = makeBridge();
    const events: unknown[] = [];
    bridge.onEvent((event) => events.push(event));
    FakeSocket.latest().open();
    FakeSocket.latest().fail();
    vi.advanceTimersByTime(500);
    expect(events).toEqual([]);
    FakeSocket.latest().open();
    FakeSocket.latest().receive({ type: 'event', name: 'device.changed', payload: POOL_VIEW });
    expect(events).toEqual([{ name: 'device.changed', payload: POOL_VIEW }]);
  });

  it('keeps retrying when the socket cannot even be constructed', () => {
    let attempts = 0;
    makeBridge({
      createSocket: (url) => {
        attempts += 1;
        if (attempts === 1) throw new SyntaxError('bad URL');
        return new FakeSocket(url);
      },
    });
    expect(FakeSocket.created).toHaveLength(0);
    vi.advanceTimersByTime(500);
    expect(FakeSocket.created).toHaveLength(1);
  });

  it('close() stops for good: rejects calls, closes the socket, never reconnects', async () => {
    const bridge = makeBridge();
    const socket = FakeSocket.latest();
    const queued = bridge.invoke('app.info');
    bridge.close();
    await expect(queued).rejects.toMatchObject({ code: 'internal' });
    expect(socket.closedByClient).toBe(true);
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.created).toHaveLength(1);
    await expect(bridge.invoke('app.info')).rejects.toBeInstanceOf(BridgeError);
  });
});

describe('WebSocketBridge events', () => {
  it('delivers valid events to every listener, even when one throws', async () => {
    const log = vi.fn();
    const bridge = makeBridge({ log });
    const socket = FakeSocket.latest();
    socket.open();
    const received: unknown[] = [];
    bridge.onEvent(() => {
      throw new Error('listener bug');
    });
    bridge.onEvent((event) => received.push(event));
    socket.receive({ type: 'event', name: 'settings.changed', payload: { theme: 'light' } });
    expect(received).toEqual([{ name: 'settings.changed', payload: { ...DEFAULT_SETTINGS, theme: 'light' } }]);
    expect(log).toHaveBeenCalledWith('event listener failed', expect.any(Error));
    await flush();
  });

  it('drops unknown events and events whose payload does not match the schema', () => {
    const bridge = makeBridge();
    const socket = FakeSocket.latest();
    socket.open();
    const received: unknown[] = [];
    bridge.onEvent((event) => received.push(event));
    socket.receive({ type: 'event', name: 'pbx.exploded', payload: {} });
    socket.receive({ type: 'event', name: 'device.changed', payload: { mac: 1 } });
    expect(received).toEqual([]);
  });

  it('stops delivering to a listener once it unsubscribes', () => {
    const bridge = makeBridge();
    const socket = FakeSocket.latest();
    socket.open();
    const received: unknown[] = [];
    const off = bridge.onEvent((event) => received.push(event));
    off();
    socket.receive({ type: 'event', name: 'device.changed', payload: POOL_VIEW });
    expect(received).toEqual([]);
  });
});
