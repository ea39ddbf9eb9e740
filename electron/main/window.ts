import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import type { SettingsStore } from '../host/settings/settingsStore';
import type { BridgeIpc } from './ipc';
import { lockDownKiosk } from './kioskLockdown';
import { hardenWebContents } from './security';

export interface MainWindowOptions {
  /** The local web host's origin, e.g. http://127.0.0.1:5170; the window shows `${origin}/` and nothing else. */
  origin: string;
  /** The bundled, sandboxed preload (dist/electron/preload.cjs). */
  preloadPath: string;
  settings: SettingsStore;
  bridge: Pick<BridgeIpc, 'attach'>;
}

/** Every window gets the Electron security checklist's preferences; kiosk mode is full screen with no way out but the app's own. */
export function mainWindowOptions(kiosk: boolean, preloadPath: string): BrowserWindowConstructorOptions {
  const shape: BrowserWindowConstructorOptions = kiosk ? { kiosk: true, fullscreen: true } : { width: 1280, height: 800 };
  return {
    ...shape,
    title: 'Hotdesk',
    show: false,
    backgroundColor: '#0f172a',
    autoHideMenuBar: kiosk,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // A kiosk must ring for an incoming call before anyone has touched it.
      autoplayPolicy: 'no-user-gesture-required',
      preload: preloadPath,
    },
  };
}

/** Creates the one device window, hardened and bridged before it loads anything. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const kiosk = options.settings.get().kiosk;
  const win = new BrowserWindow(mainWindowOptions(kiosk, options.preloadPath));
  // No menu in a kiosk: its accelerators (reload, developer tools) would be a way around the admin PIN.
  if (kiosk) win.removeMenu();
  hardenWebContents(win.webContents, options.origin);
  lockDownKiosk(win.webContents, () => options.settings.get().kiosk);
  options.bridge.attach(win.webContents);

  // The admin screen turns kiosk mode on and off through the settings; follow it without a restart.
  const unsubscribe = options.settings.onChange((settings) => {
    if (win.isDestroyed() || win.isKiosk() === settings.kiosk) return;
    win.setKiosk(settings.kiosk);
    win.setFullScreen(settings.kiosk);
  });
  win.once('closed', unsubscribe);
  win.once('ready-to-show', () => win.show());

  win.loadURL(`${options.origin}/`).catch((error: unknown) => {
    console.error(`hotdesk: could not load ${options.origin}/:`, error);
  });
  return win;
}
