import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppInfo, Mode } from '../../shared/contracts';
import { DEFAULT_DEVICE_OPTIONS, type Pbx, SIP_PATH, startPbx } from '../pbx';
import { BridgeHub } from './bridge/bridgeHub';
import { ProvisioningClients } from './provisioning';
import { findMachineMac } from './identity/machineMac';
import { openSettings, type SettingsBackendFactory } from './settings/openSettings';
import type { SettingsStore } from './settings/settingsStore';
import { startWebHost, type WebHost } from './web/webHost';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_RENDERER_DIR = path.join(REPO_ROOT, 'dist', 'renderer');
export const DEFAULT_PORT = 5170;

export interface DeviceServicesOptions {
  dataDir: string;
  hostKind: AppInfo['host'];
  mode?: Mode;
  port?: number;
  host?: string;
  rendererDir?: string;
  settingsBackend?: SettingsBackendFactory;
  tls?: { cert: string; key: string } | null;
  /** The app's version; read from package.json when not given (Electron passes app.getVersion()). */
  version?: string;
}

export interface DeviceServices {
  readonly origin: string;
  readonly settings: SettingsStore;
  readonly hub: BridgeHub;
  readonly pbx: Pbx;
  readonly webHost: WebHost;
  readonly warnings: readonly string[];
  stop(): Promise<void>;
}

/**
 * Starts everything a device needs — settings, the embedded PBX, the bridge and the web host — in plain Node.
 * `npm run start:web` and the Electron main process both call this; there is no second implementation.
 */
export async function startDeviceServices(options: DeviceServicesOptions): Promise<DeviceServices> {
  const { store: settings, warning } = openSettings(options.dataDir, options.settingsBackend);
  const warnings: string[] = warning ? [warning] : [];
  if (options.mode && settings.get().mode !== options.mode) settings.update({ mode: options.mode });
  const mode = settings.get().mode;
  const host = options.host ?? '127.0.0.1';
  if (mode === 'demo' && !['127.0.0.1', 'localhost', '::1'].includes(host)) {
    throw new Error('Demo mode has public demo passwords and listens on loopback only; use --mode site for a LAN address');
  }
  let origin = '';
  const pbx = await startPbx({ mode, dataDir: path.join(options.dataDir, 'pbx'), host, publicBaseUrl: () => origin });
  for (const warning of pbx.warnings) warnings.push(warning);
  if (pbx.generatedAdminPassword) warnings.push(`Admin console: user admin, password ${pbx.generatedAdminPassword} (shown once; change it in the console)`);
  const provisioning = new ProvisioningClients({
    dataDir: options.dataDir,
    version: options.version ?? appVersion(),
    pnpWebSocketUrl: () => (origin ? `${origin.replace(/^http/, 'ws')}${SIP_PATH}` : null),
    manualUrl: () => settings.get().provisioningUrl,
    onChange: (state) => hub.provisioningChanged(state.mac),
  });
  const hub = new BridgeHub({
    settings,
    machineMac: findMachineMac(),
    directory: {
      defaultOptions: () => ({ ...DEFAULT_DEVICE_OPTIONS }),
      credentialsFor: (user) => pbx.credentialsFor(user),
    },
    provisioning,
    appInfo: () => ({ version: options.version ?? appVersion(), host: options.hostKind, mode: settings.get().mode }),
  });
  const webHost = await startWebHost({
    hub,
    rendererDir: options.rendererDir ?? DEFAULT_RENDERER_DIR,
    handleHttp: (request, response) => pbx.handleHttp(request, response),
    host,
    port: options.port ?? DEFAULT_PORT,
    tls: options.tls ?? null,
  });
  const secure = Boolean(options.tls);
  webHost.upgrades.add(SIP_PATH, (request, socket, head) => pbx.handleSipUpgrade(request, socket, head, secure));
  origin = webHost.origin;
  const unsubscribeSettings = settings.onChange(() => provisioning.settingsChanged());
  return {
    origin: webHost.origin,
    settings,
    hub,
    pbx,
    webHost,
    warnings,
    async stop() {
      unsubscribeSettings();
      provisioning.close();
      hub.close();
      // The PBX first: its WebSockets ride on the web host's server, which waits for them before it closes.
      await pbx.stop();
      await webHost.close();
    },
  };
}

function appVersion(): string {
  const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}
