import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { BridgeHub } from '../../../electron/host/bridge/bridgeHub';
import { ValidatedSettingsStore } from '../../../electron/host/settings/settingsStore';
import { AdminPin } from '../../../electron/host/security/adminPin';
import { handleFromApp, registerBridgeIpc, type BridgeIpc } from '../../../electron/main/ipc';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../electron/preload/channels';
import type { Mac } from '../../../shared/domain/mac';
import { FakeWebContents, ipcMain, type FakeFrame } from './support/fakeElectron';

vi.mock('electron', () => import('./support/fakeElectron'));

const APP = 'http://127.0.0.1:5170';

function makeHub(store: Record<string, unknown> = {}) {
  const settings = new ValidatedSettingsStore({ path: 'mem', store });
  const hub = new BridgeHub({
    settings,
    machineMac: '02:00:00:00:00:01' as Mac,
    runningMode: 'demo',
    adminPin: new AdminPin({ storage: settings, mode: 'demo' }),
    directory: {
      defaultOptions: () => ({ location: '', timeZone: 'UTC', timeFormat: '24h', keysPerPage: 6, emergencyNumbers: ['911'] }),
      credentialsFor: () => null,
    },
    appInfo: () => ({ version: '9.8.7', host: 'electron', mode: settings.get().mode }),
    provisioning: null,
  });
  return { hub, settings };
}

let bridge: BridgeIpc | null = null;
let settings: ValidatedSettingsStore;
let contents: FakeWebContents;

beforeEach(() => {
  const made = makeHub();
  settings = made.settings;
  bridge = registerBridgeIpc(made.hub, APP);
  contents = new FakeWebContents(`${APP}/`);
  bridge.attach(contents as unknown as WebContents);
});

afterEach(() => {
  bridge?.dispose();
  bridge = null;
});

function invoke(event: { sender: FakeWebContents; senderFrame: FakeFrame | null }, ...args: unknown[]) {
  const handler = ipcMain.handlers.get(INVOKE_CHANNEL);
  if (!handler) throw new Error('no invoke handler registered');
  return handler(event as unknown as IpcMainInvokeEvent, ...args);
}

const fromMainFrame = () => ({ sender: contents, senderFrame: contents.mainFrame });

describe('the hotdesk:invoke IPC handler', () => {
  it('registers exactly one handler, on the invoke channel', () => {
    expect([...ipcMain.handlers.keys()]).toEqual([INVOKE_CHANNEL]);
  });

  it('passes a valid call from the app main frame through to the bridge session', async () => {
    expect(await invoke(fromMainFrame(), 'app.info', [])).toEqual({
      ok: true,
      result: { version: '9.8.7', host: 'electron', mode: 'demo' },
    });
    expect(await invoke(fromMainFrame(), 'device.view', [])).toMatchObject({
      ok: true,
      result: { mac: '02:00:00:00:00:01', identity: null, options: { emergencyNumbers: ['911'] } },
    });
  });

  it('saves a valid settings update and pushes the change as an event', async () => {
    expect(await invoke(fromMainFrame(), 'settings.update', [{ kiosk: true }, { adminPin: '0000' }])).toMatchObject({ ok: true, result: { kiosk: true } });
    expect(settings.get().kiosk).toBe(true);
    expect(contents.send).toHaveBeenCalledWith(EVENT_CHANNEL, expect.objectContaining({ name: 'settings.changed' }));
    expect(contents.send).toHaveBeenCalledWith(EVENT_CHANNEL, expect.objectContaining({ name: 'device.changed' }));
  });

  it('refuses a sender from another origin', async () => {
    const foreign = { url: 'https://evil.example/', parent: null };
    contents.mainFrame.url = foreign.url;
    expect(await invoke({ sender: contents, senderFrame: contents.mainFrame }, 'app.info', [])).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('refuses a subframe, even of the app origin', async () => {
    const subframe = { url: `${APP}/frame`, parent: contents.mainFrame };
    expect(await invoke({ sender: contents, senderFrame: subframe }, 'app.info', [])).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('accepts another wrapper object for the same main frame (same process and routing id)', async () => {
    const sameFrame = { ...contents.mainFrame };
    expect(await invoke({ sender: contents, senderFrame: sameFrame }, 'app.info', [])).toMatchObject({ ok: true });
  });

  it('refuses a frame that is not the main frame of its web contents and a frame that is gone', async () => {
    const stranger = { url: `${APP}/`, parent: null, processId: 4242, routingId: 7 };
    const withoutIds = { url: `${APP}/`, parent: null };
    expect(await invoke({ sender: contents, senderFrame: withoutIds }, 'app.info', [])).toMatchObject({ error: { code: 'forbidden' } });
    expect(await invoke({ sender: contents, senderFrame: stranger }, 'app.info', [])).toMatchObject({ error: { code: 'forbidden' } });
    expect(await invoke({ sender: contents, senderFrame: null }, 'app.info', [])).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('refuses web contents that were never given a bridge session', async () => {
    const other = new FakeWebContents(`${APP}/`);
    expect(await invoke({ sender: other, senderFrame: other.mainFrame }, 'app.info', [])).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('refuses a name that is not a string', async () => {
    for (const name of [42, null, undefined, { name: 'app.info' }, ['app.info']]) {
      expect(await invoke(fromMainFrame(), name, [])).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
  });

  it('refuses an unknown request name, including inherited object keys', async () => {
    for (const name of ['device.reboot', 'constructor', '__proto__', 'toString', '']) {
      expect(await invoke(fromMainFrame(), name, [])).toMatchObject({ ok: false, error: { code: 'unknown-request' } });
    }
  });

  it('refuses arguments that are not an array', async () => {
    for (const args of [undefined, null, {}, 'kiosk', { 0: { kiosk: true }, length: 1 }]) {
      expect(await invoke(fromMainFrame(), 'settings.update', args)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
  });

  it('refuses malformed arguments and leaves the settings untouched', async () => {
    const before = settings.get();
    const answer = await invoke(fromMainFrame(), 'settings.update', [{ mac: 'nonsense' }]);
    expect(answer).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect((answer as { error: { message: string } }).error.message).toMatch(/mac/);
    expect(await invoke(fromMainFrame(), 'settings.update', [{ kiosk: 'yes' }])).toMatchObject({ error: { code: 'bad-request' } });
    expect(await invoke(fromMainFrame(), 'settings.update', [{ admin: true }])).toMatchObject({ error: { code: 'bad-request' } });
    expect(await invoke(fromMainFrame(), 'app.info', ['extra'])).toMatchObject({ error: { code: 'bad-request' } });
    expect(settings.get()).toEqual(before);
  });

  it('ends the session when the web contents are destroyed', async () => {
    contents.destroy();
    contents.send.mockClear();
    settings.update({ theme: 'dark' });
    expect(contents.send).not.toHaveBeenCalled();
    expect(await invoke(fromMainFrame(), 'app.info', [])).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('removes its handler on dispose', () => {
    bridge?.dispose();
    bridge = null;
    expect(ipcMain.handlers.has(INVOKE_CHANNEL)).toBe(false);
  });
});

describe('handleFromApp', () => {
  afterEach(() => ipcMain.removeHandler('test:boom'));

  it('turns an unexpected exception into an internal error without leaking its message', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    handleFromApp('test:boom', APP, async () => {
      throw new Error('secret path /home/kiosk');
    });
    const sender = new FakeWebContents(`${APP}/`);
    const answer = await ipcMain.handlers.get('test:boom')?.({ sender, senderFrame: sender.mainFrame });
    expect(answer).toEqual({ ok: false, error: { code: 'internal', message: 'The device host failed to handle the request' } });
    consoleError.mockRestore();
  });
});
