import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AppInfo, DEFAULT_DEVICE_OPTIONS, type Mode } from '../../shared/contracts';
import { SIP_PATH, sipWebSocketUrlOf } from '../../shared/sip/sipWebSocket';
import { ensurePrivateDirectory, isLoopback, listenRefusal, webSocketOrigin } from '../common';
import { type Pbx, startPbx } from '../pbx';
import { identityKey } from '../../shared/domain/identityKey';
import { DIRECTORY_PATH } from '../../shared/sip/phoneDirectory';
import { macDeviceId } from '../../shared/sip/plugAndPlay';
import { BridgeHub } from './bridge/bridgeHub';
import { provisionedIdentity } from './bridge/deviceView';
import { CallHistoryStore } from './history/callHistoryStore';
import { ProvisioningClients } from './provisioning';
import { loadOrCreateDeviceKey } from './identity/deviceKeyFile';
import { findMachineMac } from './identity/machineMac';
import { EmbeddedPbx } from './site/embeddedPbx';
import { followSitePbx, joinedPbxUrl } from './site/sitePbx';
import { AdminPin } from './security/adminPin';
import type { ScryptCost } from './security/pinHash';
import { openSettings, type SettingsBackendFactory } from './settings/openSettings';
import type { SecretBox } from './settings/secretBox';
import type { SettingsStore } from './settings/settingsStore';
import { startWebHost, type WebHost } from './web/webHost';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_RENDERER_DIR = path.join(REPO_ROOT, 'dist', 'renderer');
export const DEFAULT_PORT = 5170;

export interface DeviceServicesOptions {
  dataDir: string;
  hostKind: AppInfo['host'];
  mode?: Mode;
  /** The site PBX to join (`--pbx`): saved as `sitePbxUrl`; null leaves it, undefined keeps the saved one. */
  sitePbxUrl?: string | null | undefined;
  port?: number;
  host?: string;
  rendererDir?: string;
  settingsBackend?: SettingsBackendFactory;
  tls?: { cert: string; key: string } | null;
  /** The app's version; read from package.json when not given (Electron passes app.getVersion()). */
  version?: string;
  /** Seals the manual SIP password with the OS keychain (Electron's safeStorage); none in plain Node. */
  secretBox?: SecretBox | null;
  /** DNS names of this machine that clients may use in Host, besides its addresses. */
  serverNames?: readonly string[];
  /** Device pages and the bridge for other machines too; they get no SIP credentials until enrolled. */
  allowRemoteDevices?: boolean;
  /** scrypt cost of the admin PIN hash (tests lower it). */
  pinCost?: ScryptCost;
}

export interface DeviceServices {
  /** Where this machine opens its own device page. */
  readonly origin: string;
  /** Where other machines reach this host (SIP, provisioning, admin API): a real address, never 0.0.0.0. */
  readonly publicOrigin: string;
  readonly settings: SettingsStore;
  readonly hub: BridgeHub;
  /** The embedded PBX; null while the device belongs to a site PBX elsewhere. */
  readonly pbx: Pbx | null;
  readonly webHost: WebHost;
  readonly warnings: readonly string[];
  /** Every PBX WebSocket origin the device pages may reach (this host's own and any configured one), for the CSP. */
  connectOrigins(): string[];
  /** The fingerprint of this host's device key, for the admin to compare before Assign (README, "Device enrolment"). */
  readonly deviceKeyFingerprint: string;
  stop(): Promise<void>;
}

/**
 * Starts everything a device needs — settings, the embedded PBX, the bridge and the web host — in plain Node.
 * `npm run start:web` and the Electron main process both call this; there is no second implementation.
 */
export async function startDeviceServices(options: DeviceServicesOptions): Promise<DeviceServices> {
  const { store: settings, warning } = openSettings(options.dataDir, options.settingsBackend, options.secretBox ?? null);
  const warnings: string[] = warning ? [warning] : [];
  if (options.mode && settings.get().mode !== options.mode) settings.update({ mode: options.mode });
  if (options.sitePbxUrl !== undefined && settings.get().sitePbxUrl !== options.sitePbxUrl) settings.update({ sitePbxUrl: options.sitePbxUrl });
  const mode = settings.get().mode;
  const sitePbxUrl = () => joinedPbxUrl(mode, settings.get());
  const host = options.host ?? '127.0.0.1';
  const refusal = listenRefusal(mode, host);
  if (refusal) throw new Error(refusal);
  if (!options.tls && !isLoopback(host)) {
    warnings.push(
      `Listening on ${host} over plain HTTP: other machines get SIP only — no device pages, provisioning documents or admin API, which carry secrets. Start with --tls-cert and --tls-key to serve them.`,
    );
  }
  const { adminPin, generatedPin } = await AdminPin.open({ storage: settings, mode, ...(options.pinCost ? { cost: options.pinCost } : {}) });
  if (generatedPin) warnings.push(`Admin PIN (settings of this device): ${generatedPin} (shown once; change it with settings.update)`);
  const { key: deviceKey, warning: keyWarning } = await loadOrCreateDeviceKey(options.dataDir);
  if (keyWarning) warnings.push(keyWarning);
  let publicOrigin = '';
  let localOrigin = '';
  let reportTo: string[] | null = warnings;
  const pbx = new EmbeddedPbx(
    async () => {
      // The embedded PBX learns this host's public key, so that demo mode enrols the demo devices to it.
      const started = await startPbx({ mode, dataDir: path.join(options.dataDir, 'pbx'), host, publicBaseUrl: () => publicOrigin, localDeviceKey: deviceKey.publicKey });
      const found = [...started.warnings];
      if (started.generatedAdminPassword) found.push(`Admin console: user admin, password ${started.generatedAdminPassword} (shown once; change it in the console)`);
      // At start the warnings go with the others; a PBX started later (the site PBX was left) logs its own.
      if (reportTo) reportTo.push(...found);
      else for (const warning of found) console.warn(`Warning: ${warning}`);
      return started;
    },
    (error) => console.error('hotdesk: the embedded PBX failed to start or stop:', error),
  );
  if (sitePbxUrl() === null) await pbx.startNow();
  reportTo = null;
  const openDocuments = ensurePrivateDirectory(path.join(options.dataDir, 'provisioning'), 'provisioning documents directory');
  if (openDocuments) warnings.push(openDocuments);
  const history = new CallHistoryStore(path.join(options.dataDir, 'call-history'));
  const provisioning = new ProvisioningClients({
    dataDir: options.dataDir,
    version: options.version ?? appVersion(),
    deviceKey,
    pnpWebSocketUrl: () => sitePbxUrl() ?? (publicOrigin ? sipWebSocketUrlOf(publicOrigin) : null),
    manualUrl: () => settings.get().provisioningUrl,
    onChange: (state) => {
      // A logout or roaming wipes the previous identity's history at once, even with no page open.
      history.observe(macDeviceId(state.mac), identityKey(provisionedIdentity(state)));
      hub.provisioningChanged(state.mac);
    },
    // The details of provisioning failures go to the host's log; bridge clients see a fixed summary.
    onError: (error) => console.warn(`provisioning: ${error instanceof Error ? error.message : String(error)}`),
  });
  const hub = new BridgeHub({
    settings,
    machineMac: findMachineMac(),
    runningMode: mode,
    adminPin,
    directory: {
      defaultOptions: () => ({ ...DEFAULT_DEVICE_OPTIONS }),
      credentialsFor: (user) => pbx.current?.credentialsFor(user) ?? null,
      blfOf: (user) => pbx.current?.hotDesk.extensions.get(user)?.blf ?? [],
    },
    provisioning,
    history,
    // The host reaches its own PBX on loopback.
    ownDirectoryUrl: () => (localOrigin ? `${localOrigin}${DIRECTORY_PATH}` : null),
    appInfo: () => ({ version: options.version ?? appVersion(), host: options.hostKind, mode }),
  });
  const webHost = await startWebHost({
    hub,
    rendererDir: options.rendererDir ?? DEFAULT_RENDERER_DIR,
    handleHttp: (request, response) => pbx.handleHttp(request, response),
    host,
    port: options.port ?? DEFAULT_PORT,
    tls: options.tls ?? null,
    serverNames: options.serverNames ?? [],
    allowRemoteDevices: options.allowRemoteDevices ?? false,
    connectOrigins: () => pbxWebSocketOrigins(settings, hub, sitePbxUrl()),
  });
  const secure = Boolean(options.tls);
  webHost.upgrades.add(SIP_PATH, (request, socket, head) => pbx.handleSipUpgrade(request, socket, head, secure));
  publicOrigin = webHost.publicOrigin;
  localOrigin = webHost.origin;
  const unsubscribeSettings = settings.onChange(() => provisioning.settingsChanged());
  const unfollowSitePbx = followSitePbx(settings, mode, pbx, () => provisioning.pbxChanged());
  return {
    origin: webHost.origin,
    publicOrigin: webHost.publicOrigin,
    settings,
    hub,
    get pbx() {
      return pbx.current;
    },
    webHost,
    warnings,
    connectOrigins: () =>
      [webHost.origin, webHost.publicOrigin]
        .map(webSocketOrigin)
        .filter((origin): origin is string => origin !== null)
        .concat(pbxWebSocketOrigins(settings, hub, sitePbxUrl())),
    deviceKeyFingerprint: deviceKey.fingerprint,
    async stop() {
      unsubscribeSettings();
      unfollowSitePbx();
      provisioning.close();
      hub.close();
      // The PBX first: its WebSockets ride on the web host's server, which waits for them before it closes.
      await pbx.stop();
      await webHost.close();
    },
  };
}

/**
 * The PBX WebSocket origins the pages may reach besides this host: the site PBX's, a manual account's, provisioned
 * documents'.
 */
export function pbxWebSocketOrigins(settings: SettingsStore, hub: BridgeHub, sitePbxUrl: string | null): string[] {
  const urls = [sitePbxUrl, settings.get().sipAccount?.webSocketUrl, ...hub.provisionedWebSocketUrls()];
  return urls.map((url) => (url ? webSocketOrigin(url) : null)).filter((origin): origin is string => origin !== null);
}

function appVersion(): string {
  const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}
