import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runApp } from '../../../electron/main/lifecycle';
import { INVOKE_CHANNEL } from '../../../electron/preload/channels';
import { app, FakeBrowserWindow, ipcMain } from './support/fakeElectron';

vi.mock('electron', () => import('./support/fakeElectron'));
vi.mock('electron-store', () => import('./support/fakeElectronStore'));

const PATHS = { preloadPath: '/app/dist/electron/preload.cjs', rendererDir: '/app/dist/renderer' };
let dataDir: string;

beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'hotdesk-electron-main-'));
  FakeBrowserWindow.instances = [];
  app.removeAllListeners();
  app.hasLock = true;
  app.paths.userData = '/tmp/hotdesk-fake-user-data';
  for (const fn of [app.quit, app.exit, app.enableSandbox, app.requestSingleInstanceLock]) fn.mockClear();
  vi.spyOn(console, 'log').mockImplementation(() => {});
});

afterEach(async () => {
  // Stop whatever a test left running, the way Electron would on quit.
  await quit();
  ipcMain.removeHandler(INVOKE_CHANNEL);
  rmSync(dataDir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

async function quit(): Promise<{ prevented: boolean }> {
  const event = { preventDefault: vi.fn() };
  const quitsBefore = app.quit.mock.calls.length;
  app.emit('will-quit', event);
  const prevented = event.preventDefault.mock.calls.length > 0;
  if (prevented) await vi.waitFor(() => expect(app.quit.mock.calls.length).toBeGreaterThan(quitsBefore));
  return { prevented };
}

const argv = (...flags: string[]) => ['/usr/lib/electron/electron', '--remote-debugging-port=0', '.', ...flags];

async function started(): Promise<FakeBrowserWindow> {
  await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1), { timeout: 10_000 });
  return FakeBrowserWindow.instances[0] as FakeBrowserWindow;
}

describe('the Electron app lifecycle', () => {
  it('quits at once when another instance holds the lock', () => {
    app.hasLock = false;
    runApp(PATHS, argv('--port', '0', '--data-dir', dataDir), {});
    expect(app.quit).toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('refuses an unknown mode before starting anything', () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    runApp(PATHS, argv('--mode', 'party', '--data-dir', dataDir), {});
    expect(app.exit).toHaveBeenCalledWith(2);
    expect(consoleError).toHaveBeenCalledWith(expect.stringContaining('--mode must be demo, site or external'));
    expect(app.requestSingleInstanceLock).not.toHaveBeenCalled();
  });

  it('starts the device services in the data directory and opens the window on their origin', async () => {
    runApp(PATHS, argv('--mode', 'demo', '--port', '0', '--data-dir', dataDir), {});
    expect(app.enableSandbox).toHaveBeenCalled();
    expect(app.getPath('userData')).toBe(dataDir);
    const window = await started();
    const url = window.loadURL.mock.calls[0]?.[0] ?? '';
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(window.options.webPreferences).toMatchObject({ preload: PATHS.preloadPath, sandbox: true });
    expect(ipcMain.handlers.has(INVOKE_CHANNEL)).toBe(true);

    // The bridge answers the window's main frame with the app version Electron reports.
    const handler = ipcMain.handlers.get(INVOKE_CHANNEL);
    const info = await handler?.({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, 'app.info', []);
    expect(info).toEqual({ ok: true, result: { version: '9.8.7', host: 'electron', mode: 'demo' } });

    // Settings go through the store backend into the data directory.
    await handler?.({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, 'settings.update', [{ theme: 'dark' }]);
    expect(JSON.parse(readFileSync(path.join(dataDir, 'settings.json'), 'utf8'))).toMatchObject({ theme: 'dark', mode: 'demo' });

    // Quitting waits for the services to stop, then quits for real.
    const { prevented } = await quit();
    expect(prevented).toBe(true);
    expect(ipcMain.handlers.has(INVOKE_CHANNEL)).toBe(false);
    await expect(fetch(url)).rejects.toThrow();
    expect((await quit()).prevented).toBe(false);
  });

  it('uses HOTDESK_DATA_DIR when no --data-dir is given', async () => {
    runApp(PATHS, argv('--port', '0'), { HOTDESK_DATA_DIR: dataDir });
    expect(app.getPath('userData')).toBe(dataDir);
    await started();
  });

  it('brings the window to the front when a second instance starts', async () => {
    runApp(PATHS, argv('--port', '0', '--data-dir', dataDir), {});
    const window = await started();
    app.emit('second-instance', {}, []);
    expect(window.show).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });
});
