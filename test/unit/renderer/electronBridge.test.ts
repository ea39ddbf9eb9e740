import { describe, expect, it, vi } from 'vitest';
import { BridgeError, DEFAULT_SETTINGS, type PreloadApi } from '../../../shared/contracts';
import { createElectronBridge } from '../../../renderer/src/bridge/electronBridge';
import { pickBridge } from '../../../renderer/src/bridge/pickBridge';
import { WebSocketBridge } from '../../../renderer/src/bridge/webSocketBridge';
import { APP_INFO, FakeSocket, POOL_VIEW } from './fakes';

function fakePreload(reply: (name: string, args: unknown[]) => unknown) {
  let listener: ((event: { name: string; payload: unknown }) => void) | null = null;
  const unsubscribe = vi.fn(() => {
    listener = null;
  });
  const api: PreloadApi = {
    invoke: vi.fn(async (name: string, ...args: unknown[]) => reply(name, args)),
    onEvent: vi.fn((next) => {
      listener = next;
      return unsubscribe;
    }),
  };
  return { api, unsubscribe, emit: (event: { name: string; payload: unknown }) => listener?.(event) };
}

const silent = () => undefined;

describe('createElectronBridge', () => {
  it('unwraps an ok envelope and validates the result', async () => {
    const { api } = fakePreload((name) => ({ ok: true, result: name === 'app.info' ? APP_INFO : { theme: 'dark' } }));
    const bridge = createElectronBridge(api, silent);
    await expect(bridge.invoke('app.info')).resolves.toEqual(APP_INFO);
    await expect(bridge.invoke('settings.get')).resolves.toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
  });

  it('passes the arguments through to the preload', async () => {
    const { api } = fakePreload(() => ({ ok: true, result: DEFAULT_SETTINGS }));
    await createElectronBridge(api, silent).invoke('settings.update', { kiosk: true });
    expect(api.invoke).toHaveBeenCalledWith('settings.update', { kiosk: true });
  });

  it('turns an error envelope into a BridgeError with its code and message', async () => {
    const { api } = fakePreload(() => ({ ok: false, error: { code: 'forbidden', message: 'Sender not allowed' } }));
    const failure = createElectronBridge(api, silent).invoke('device.view');
    await expect(failure).rejects.toBeInstanceOf(BridgeError);
    await expect(failure).rejects.toEqual(new BridgeError('forbidden', 'Sender not allowed'));
  });

  it('maps an unknown error code to internal', async () => {
    const { api } = fakePreload(() => ({ ok: false, error: { code: 'EACCES', message: 'denied' } }));
    await expect(createElectronBridge(api, silent).invoke('device.view')).rejects.toEqual(new BridgeError('internal', 'denied'));
  });

  it('rejects a malformed envelope or result as internal', async () => {
    const bare = fakePreload(() => POOL_VIEW);
    await expect(createElectronBridge(bare.api, silent).invoke('device.view')).rejects.toMatchObject({ code: 'internal' });
    const wrong = fakePreload(() => ({ ok: true, result: { mac: 7 } }));
    await expect(createElectronBridge(wrong.api, silent).invoke('device.view')).rejects.toMatchObject({
      code: 'internal',
      message: expect.stringMatching(/^device\.view result: /),
    });
  });

  it('wraps a rejected IPC call in a BridgeError', async () => {
    const api: PreloadApi = { invoke: () => Promise.reject(new Error('IPC channel closed')), onEvent: () => () => undefined };
    await expect(createElectronBridge(api, silent).invoke('app.info')).rejects.toEqual(new BridgeError('internal', 'IPC channel closed'));
  });

  it('validates events, shares one preload subscription, and drops it with the last listener', () => {
    const { api, emit, unsubscribe } = fakePreload(() => null);
    const bridge = createElectronBridge(api, silent);
    const a: unknown[] = [];
    const b: unknown[] = [];
    const offA = bridge.onEvent((event) => a.push(event));
    const offB = bridge.onEvent((event) => b.push(event));
    expect(api.onEvent).toHaveBeenCalledTimes(1);

    emit({ name: 'device.changed', payload: POOL_VIEW });
    emit({ name: 'device.changed', payload: { nonsense: true } });
    emit({ name: 'not.an.event', payload: POOL_VIEW });
    expect(a).toEqual([{ name: 'device.changed', payload: POOL_VIEW }]);
    expect(b).toEqual(a);

    offA();
    expect(unsubscribe).not.toHaveBeenCalled();
    offB();
    expect(unsubscribe).toHaveBeenCalledTimes(1);

    bridge.onEvent(() => undefined);
    expect(api.onEvent).toHaveBeenCalledTimes(2);
  });
});

describe('pickBridge', () => {
  const location = { protocol: 'http:', host: 'localhost:5170', search: '?mac=02:00:00:00:00:02' };

  it('uses the Electron preload when window.hotdesk is present', () => {
    const { api } = fakePreload(() => ({ ok: true, result: APP_INFO }));
    const picked = pickBridge({ hotdesk: api, location });
    expect(picked.kind).toBe('electron');
    expect(picked.connection).toBeNull();
  });

  it("otherwise opens the web host's bridge WebSocket for the page's MAC", () => {
    FakeSocket.created = [];
    const picked = pickBridge({ location, createSocket: (url) => new FakeSocket(url) });
    expect(picked.kind).toBe('web');
    expect(picked.bridge).toBeInstanceOf(WebSocketBridge);
    expect(picked.connection).toBe(picked.bridge);
    expect(FakeSocket.latest().url).toBe('ws://localhost:5170/bridge?mac=02:00:00:00:00:02');
    (picked.bridge as WebSocketBridge).close();
  });
});
