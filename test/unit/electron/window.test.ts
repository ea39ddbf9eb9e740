import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ValidatedSettingsStore } from '../../../electron/host/settings/settingsStore';
import { createMainWindow } from '../../../electron/main/window';
import { FakeBrowserWindow } from './support/fakeElectron';

vi.mock('electron', () => import('./support/fakeElectron'));

const APP = 'http://127.0.0.1:5170';
const PRELOAD = '/app/dist/electron/preload.cjs';

function open(store: Record<string, unknown> = {}) {
  const settings = new ValidatedSettingsStore({ path: 'mem', store });
  const bridge = { attach: vi.fn() };
  createMainWindow({ origin: APP, preloadPath: PRELOAD, settings, bridge });
  const window = FakeBrowserWindow.instances.at(-1);
  if (!window) throw new Error('no window was created');
  return { window, settings, bridge };
}

beforeEach(() => {
  FakeBrowserWindow.instances = [];
});

describe('the device window', () => {
  it('has context isolation, the sandbox and web security on, node integration off, and the bundled preload', () => {
    const { window } = open();
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      autoplayPolicy: 'no-user-gesture-required',
      preload: PRELOAD,
    });
  });

  it('loads the web host origin (never file://)', () => {
    const { window } = open();
    expect(window.loadURL).toHaveBeenCalledTimes(1);
    expect(window.loadURL).toHaveBeenCalledWith(`${APP}/`);
  });

  it('is a normal 1280×800 window with its menu when kiosk mode is off', () => {
    const { window } = open({ kiosk: false });
    expect(window.options).toMatchObject({ width: 1280, height: 800 });
    expect(window.options.kiosk).toBeUndefined();
    expect(window.options.fullscreen).toBeUndefined();
    expect(window.removeMenu).not.toHaveBeenCalled();
  });

  it('is a full-screen kiosk without a menu when kiosk mode is on', () => {
    const { window } = open({ kiosk: true });
    expect(window.options).toMatchObject({ kiosk: true, fullscreen: true });
    expect(window.removeMenu).toHaveBeenCalled();
  });

  it('is hardened and bridged before it loads anything', () => {
    const { window, bridge } = open();
    expect(bridge.attach).toHaveBeenCalledWith(window.webContents);
    expect(window.webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(window.webContents.listenerCount('will-navigate')).toBe(1);
    expect(bridge.attach.mock.invocationCallOrder[0]).toBeLessThan(window.loadURL.mock.invocationCallOrder[0] ?? 0);
  });

  it('follows the kiosk setting when it changes, and stops following once closed', () => {
    const { window, settings } = open({ kiosk: false });
    settings.update({ kiosk: true });
    expect(window.setKiosk).toHaveBeenLastCalledWith(true);
    expect(window.setFullScreen).toHaveBeenLastCalledWith(true);
    settings.update({ kiosk: false });
    expect(window.setKiosk).toHaveBeenLastCalledWith(false);
    expect(window.setFullScreen).toHaveBeenLastCalledWith(false);
    settings.update({ theme: 'dark' });
    expect(window.setKiosk).toHaveBeenCalledTimes(2);

    window.emit('closed');
    settings.update({ kiosk: true });
    expect(window.setKiosk).toHaveBeenCalledTimes(2);
  });

  it('shows itself once ready', () => {
    const { window } = open();
    expect(window.options.show).toBe(false);
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalled();
  });
});
