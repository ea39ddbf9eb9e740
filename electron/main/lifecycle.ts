import { readFileSync } from 'node:fs';
import { app, BrowserWindow, dialog, powerSaveBlocker, safeStorage, session } from 'electron';
import { CliError, parseHostCliOptions, type HostCliOptions } from '../host/cliOptions';
import { startDeviceServices, type DeviceServices } from '../host/services';
import { pickHostFlags } from './args';
import { registerBridgeIpc, type BridgeIpc } from './ipc';
import { keychainSecretBox } from './keychain';
import { keepScreenAwake } from './screenAwake';
import { hardenSession, trustOwnCertificate } from './security';
import { electronStoreBackend } from './store';
import { createMainWindow } from './window';

export interface AppPaths {
  /** The bundled sandboxed preload, dist/electron/preload.cjs. */
  preloadPath: string;
  /** The built renderer, dist/renderer inside the app. */
  rendererDir: string;
}

/**
 * The Electron app's life: one instance, the device services (the same ones `npm run start:web` runs), one window,
 * and the services stopped before the process ends.
 */
export function runApp(paths: AppPaths, argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): void {
  let options: HostCliOptions;
  try {
    // --data-dir / HOTDESK_DATA_DIR win; otherwise Electron's own userData directory holds everything.
    options = parseHostCliOptions(pickHostFlags(argv), { ...env, HOTDESK_DATA_DIR: env.HOTDESK_DATA_DIR ?? app.getPath('userData') });
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    console.error(`hotdesk: ${error.message}`);
    app.exit(2);
    return;
  }
  // Chromium's profile and the single-instance lock follow the data directory, so all state lives in one place.
  if (options.dataDir !== app.getPath('userData')) app.setPath('userData', options.dataDir);
  app.enableSandbox();

  // Nothing above this line writes anything: a second instance leaves the data directory exactly as it found it.
  if (!app.requestSingleInstanceLock()) {
    console.log('hotdesk: already running; the running window was brought to the front.');
    app.quit();
    return;
  }

  let services: DeviceServices | null = null;
  let bridge: BridgeIpc | null = null;
  let mainWindow: BrowserWindow | null = null;
  let stopState: 'running' | 'stopping' | 'stopped' = 'running';
  let stopKeepingAwake = () => undefined as void;

  const openWindow = (running: DeviceServices, ipc: BridgeIpc) => {
    mainWindow = createMainWindow({ origin: running.origin, preloadPath: paths.preloadPath, settings: running.settings, bridge: ipc });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };

  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('activate', () => {
    if (services && bridge && BrowserWindow.getAllWindows().length === 0) openWindow(services, bridge);
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (!services || stopState === 'stopped') return;
    event.preventDefault();
    if (stopState === 'stopping') return;
    stopState = 'stopping';
    stopKeepingAwake();
    bridge?.dispose();
    services
      .stop()
      .catch((error: unknown) => console.error('hotdesk: stopping the device services failed:', error))
      .finally(() => {
        stopState = 'stopped';
        app.quit();
      });
  });

  app
    .whenReady()
    .then(async () => {
      const running = await startDeviceServices({
        dataDir: options.dataDir,
        hostKind: 'electron',
        mode: options.mode,
        sitePbxUrl: options.sitePbxUrl,
        port: options.port,
        host: options.host,
        tls: options.tls,
        serverNames: options.serverNames,
        allowRemoteDevices: options.allowRemoteDevices,
        rendererDir: paths.rendererDir,
        settingsBackend: electronStoreBackend,
        secretBox: keychainSecretBox(safeStorage),
        version: app.getVersion(),
      });
      services = running;
      for (const warning of running.warnings) console.warn(`Warning: ${warning}`);
      console.log(`Hotdesk (${running.settings.get().mode} mode) at ${running.origin}/, data in ${options.dataDir}`);
      console.log(`Device key fingerprint: ${running.deviceKeyFingerprint} (compare before Assign)`);
      hardenSession(session.defaultSession, running.origin, () => running.connectOrigins());
      if (options.tls) trustOwnCertificate(app, running.origin, readFileSync(options.tls.cert, 'utf8'));
      bridge = registerBridgeIpc(running.hub, running.origin);
      stopKeepingAwake = keepScreenAwake(powerSaveBlocker, running.hub, running.settings);
      openWindow(running, bridge);
    })
    .catch((error: unknown) => {
      const message =
        (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
          ? `Port ${options.port} is already in use; pass --port <n> or set HOTDESK_PORT.`
          : error instanceof Error
            ? error.message
            : String(error);
      console.error(`hotdesk: failed to start: ${message}`);
      dialog.showErrorBox('Hotdesk could not start', message);
      app.exit(1);
    });
}
