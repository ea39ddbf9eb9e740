import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runApp } from '../../../electron/main/lifecycle';
import { INVOKE_CHANNEL } from '../../../electron/preload/channels';
import { app, FakeBrowserWindow, ipcMain, safeStorage } from './support/fakeElectron';

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

  it('writes nothing when refused by the lock: no data directory, no settings, no keychain use', () => {
    app.hasLock = false;
    safeStorage.isEncryptionAvailable.mockClear();
    const whenReady = vi.spyOn(app, 'whenReady');
    const missing = path.join(dataDir, 'not-yet');
    runApp(PATHS, argv('--mode', 'site', '--port', '0', '--data-dir', missing), {});
    expect(app.quit).toHaveBeenCalled();
    expect(whenReady).not.toHaveBeenCalled();
    expect(existsSync(missing)).toBe(false);
    expect(readdirSync(dataDir)).toEqual([]);
    expect(safeStorage.isEncryptionAvailable).not.toHaveBeenCalled();
  });

  it("keeps a manual SIP password sealed with the OS keychain, in a 0600 file in a 0700 directory", async () => {
    const fresh = path.join(dataDir, 'kiosk');
    runApp(PATHS, argv('--mode', 'demo', '--port', '0', '--data-dir', fresh), {});
    const window = await started();
    const handler = ipcMain.handlers.get(INVOKE_CHANNEL);
    const from = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    const account = { webSocketUrl: 'wss://pbx.example.com/ws', uri: 'sip:2001@example.com', authUser: '2001', password: 'hunter2-long' };
    expect(await handler?.(from, 'settings.update', [{ sipAccount: account }])).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await handler?.(from, 'settings.update', [{ sipAccount: account }, { adminPin: '0000' }])).toMatchObject({
      ok: true,
      result: { sipAccount: { uri: 'sip:2001@example.com', hasPassword: true } },
    });
    const file = path.join(fresh, 'settings.json');
    const onDisk = readFileSync(file, 'utf8');
    expect(onDisk).not.toContain('hunter2-long');
    expect(JSON.parse(onDisk)).toMatchObject({ sipAccount: { sealedPassword: expect.any(String) } });
    expect([statSync(fresh).mode & 0o777, statSync(file).mode & 0o777]).toEqual([0o700, 0o600]);
    expect(await handler?.(from, 'phone.account', [])).toMatchObject({ ok: true, result: { credentials: { kind: 'password', password: 'hunter2-long' } } });
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
