// A stand-in for the `electron` module: just enough of app, BrowserWindow, ipcMain, session, safeStorage,
// contextBridge, ipcRenderer, shell, dialog and powerSaveBlocker for the glue in electron/main and electron/preload to run in plain Node.
// Tests use it with: vi.mock('electron', () => import('./support/fakeElectron'))
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  processId?: number;
  routingId?: number;
}

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  readonly mainFrame: FakeFrame;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  destroyed = false;
  readonly send = vi.fn((_channel: string, _payload: unknown) => {});
  readonly closeDevTools = vi.fn();
  readonly setZoomLevel = vi.fn();
  readonly setVisualZoomLevelLimits = vi.fn(async (_min: number, _max: number) => {});

  constructor(url = 'about:blank') {
    super();
    this.mainFrame = { url, parent: null, processId: 1000 + this.id, routingId: 1 };
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }

  getURL(): string {
    return this.mainFrame.url;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.instances.filter((window) => !window.destroyed);
  }

  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(async (url: string) => {
    this.webContents.mainFrame.url = url;
  });
  readonly removeMenu = vi.fn();
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  readonly setFullScreen = vi.fn((on: boolean) => {
    this.fullScreen = on;
  });
  readonly setKiosk = vi.fn((on: boolean) => {
    this.kiosk = on;
  });
  kiosk: boolean;
  fullScreen: boolean;
  destroyed = false;

  constructor(readonly options: Record<string, unknown>) {
    super();
    this.kiosk = options.kiosk === true;
    this.fullScreen = options.fullscreen === true;
    FakeBrowserWindow.instances.push(this);
  }

  isKiosk(): boolean {
    return this.kiosk;
  }

  isMinimized(): boolean {
    return false;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, InvokeHandler>();

  handle(channel: string, handler: InvokeHandler): void {
    // Electron refuses a second handler for a channel; so does the fake.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
}

type PermissionRequestHandler = (
  contents: FakeWebContents | null,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl: string; isMainFrame: boolean },
) => void;
type PermissionCheckHandler = (contents: FakeWebContents | null, permission: string, requestingOrigin: string, details: object) => boolean;
type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  headersListener: HeadersListener | null = null;
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener) => {
      this.headersListener = listener;
    },
  };

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler;
  }
}

class FakeApp extends EventEmitter {
  readonly paths: Record<string, string> = { userData: '/tmp/hotdesk-fake-user-data' };
  hasLock = true;
  readonly quit = vi.fn();
  readonly exit = vi.fn();
  readonly enableSandbox = vi.fn();
  readonly requestSingleInstanceLock = vi.fn(() => this.hasLock);

  getPath(name: string): string {
    const value = this.paths[name];
    if (value === undefined) throw new Error(`fake app has no path ${name}`);
    return value;
  }

  setPath(name: string, value: string): void {
    this.paths[name] = value;
  }

  getVersion(): string {
    return '9.8.7';
  }

  getAppPath(): string {
    return '/tmp/hotdesk-fake-app';
  }

  whenReady(): Promise<void> {
    return Promise.resolve();
  }
}

/** safeStorage: reversible but not plain, so a test can tell a sealed password from a plain one on disk. */
export class FakeSafeStorage {
  available = true;
  backend = 'gnome_libsecret';
  readonly isEncryptionAvailable = vi.fn(() => this.available);
  readonly getSelectedStorageBackend = vi.fn(() => this.backend);
  readonly encryptString = vi.fn((plain: string) => Buffer.from(`sealed:${Buffer.from(plain).toString('hex')}`));
  readonly decryptString = vi.fn((sealed: Buffer) => {
    const text = sealed.toString();
    if (!text.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(text.slice('sealed:'.length), 'hex').toString();
  });
}

class FakeIpcRenderer extends EventEmitter {
  readonly invoke = vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => undefined);
}

export const app = new FakeApp();
export const ipcMain = new FakeIpcMain();
export const ipcRenderer = new FakeIpcRenderer();
export const session = { defaultSession: new FakeSession() };
export const safeStorage = new FakeSafeStorage();
export const shell = { openExternal: vi.fn(async () => {}) };
export const dialog = { showErrorBox: vi.fn() };

/** powerSaveBlocker: ids handed out by start(), and which are still blocking. */
export class FakePowerSaveBlocker {
  private nextId = 1;
  readonly active = new Map<number, string>();
  readonly start = vi.fn((type: string) => {
    const id = this.nextId++;
    this.active.set(id, type);
    return id;
  });
  readonly stop = vi.fn((id: number) => this.active.delete(id));
}
export const powerSaveBlocker = new FakePowerSaveBlocker();
export const exposed: Record<string, unknown> = {};
export const contextBridge = {
  exposeInMainWorld: vi.fn((key: string, api: unknown) => {
    exposed[key] = api;
  }),
};
export const BrowserWindow = FakeBrowserWindow;

/** electron-store does `import electron from 'electron'`. */
export default { app, ipcMain, ipcRenderer, session, safeStorage, shell, dialog, contextBridge, BrowserWindow, powerSaveBlocker };
