import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PreloadApi } from '../../../shared/contracts';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../electron/preload/channels';
import { createElectronBridge } from '../../../renderer/src/bridge/electronBridge';
import { contextBridge, exposed, ipcRenderer } from './support/fakeElectron';

vi.mock('electron', () => import('./support/fakeElectron'));

let api: PreloadApi;

beforeAll(async () => {
  await import('../../../electron/preload/preload');
  api = exposed.hotdesk as PreloadApi;
});

beforeEach(() => {
  ipcRenderer.invoke.mockReset();
  ipcRenderer.removeAllListeners();
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (reason: unknown) => reason,
  );
}

describe('the preload', () => {
  it('exposes window.hotdesk with only invoke and onEvent', () => {
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledWith('hotdesk', expect.anything());
    expect(Object.keys(exposed)).toEqual(['hotdesk']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'onEvent']);
    expect(typeof api.invoke).toBe('function');
    expect(typeof api.onEvent).toBe('function');
  });

  it('refuses an unknown request name without calling ipcRenderer', async () => {
    for (const name of ['device.reboot', 'constructor', '__proto__', '', 42 as unknown as string]) {
      expect(await rejection(api.invoke(name))).toMatchObject({ code: 'unknown-request' });
    }
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('sends a known request on the invoke channel with its arguments as one array, and resolves with the envelope', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, result: { kiosk: true } });
    expect(await api.invoke('settings.update', { kiosk: true })).toEqual({ ok: true, result: { kiosk: true } });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(INVOKE_CHANNEL, 'settings.update', [{ kiosk: true }]);
  });

  it('passes a failure envelope on unchanged, typed code included', async () => {
    const failure = { ok: false, error: { code: 'bad-request', message: 'Settings not saved: mac: …' } };
    ipcRenderer.invoke.mockResolvedValueOnce(failure);
    expect(await api.invoke('settings.update', { mac: 'nonsense' })).toEqual(failure);
  });

  it("works with the renderer's Electron bridge: results unwrapped, errors typed", async () => {
    const bridge = createElectronBridge(api, () => {});
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, result: { version: '9.8.7', host: 'electron', mode: 'demo' } });
    expect(await bridge.invoke('app.info')).toEqual({ version: '9.8.7', host: 'electron', mode: 'demo' });
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'bad-request', message: 'Settings not saved' } });
    await expect(bridge.invoke('settings.update', { kiosk: true })).rejects.toMatchObject({ code: 'bad-request' });
    await expect(bridge.invoke('device.reboot' as 'app.info')).rejects.toMatchObject({ code: 'unknown-request' });
  });

  it('passes events on as { name, payload } without the IpcRendererEvent, until unsubscribed', () => {
    const listener = vi.fn();
    const unsubscribe = api.onEvent(listener);
    const ipcEvent = { sender: ipcRenderer, senderId: 0 };
    ipcRenderer.emit(EVENT_CHANNEL, ipcEvent, { name: 'settings.changed', payload: { kiosk: true }, extra: 'dropped' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([{ name: 'settings.changed', payload: { kiosk: true } }]);

    unsubscribe();
    expect(ipcRenderer.listenerCount(EVENT_CHANNEL)).toBe(0);
    ipcRenderer.emit(EVENT_CHANNEL, ipcEvent, { name: 'settings.changed', payload: {} });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('refuses a listener that is not a function', () => {
    expect(() => api.onEvent('nope' as unknown as () => void)).toThrow(TypeError);
    expect(ipcRenderer.listenerCount(EVENT_CHANNEL)).toBe(0);
  });
});
