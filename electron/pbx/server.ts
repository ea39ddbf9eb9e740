import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { Mode } from '../../shared/contracts';
import { parseMac } from '../../shared/domain/mac';
import { createAdminApi, initAdminCredentials } from './admin';
import { randomIds, systemClock } from '../sip';
import { BotService, BUSY_LINE, CheckSync, ECHO_TEST, type HotDesk, loadLicenceAssets, mirrorSipAccounts, openHotDesk, RECEPTION, SipAccounts, UaProfileService } from './core';
import { DEFAULT_DEVICE_OPTIONS } from './store';
import { SipStack } from './sipStack';
import { loadMediaEndpoint, openPromptLibrary, PROMPT_SET_VERSION } from './media';
import { provisioningDirectoryFor } from './provisioningDirectory';
import { Provisioning } from './provisioning';

export const DEMO_DOMAIN = 'hotdesk.local';
export const SIP_PATH = '/sip';

// electron/pbx/server.ts and the bundled dist/electron/main.mjs are both two folders below the project root.
const ASSETS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../assets');
export const DEFAULT_PROMPTS_DIR = path.join(ASSETS_DIR, 'prompts');
export const DEFAULT_LICENCE_DIR = path.join(ASSETS_DIR, 'licence');

export interface PbxOptions {
  mode: Mode;
  dataDir: string;
  /** The address the PBX is reached at (Via, Record-Route, media). */
  host?: string;
  domain?: string;
  /** Where devices reach the PBX's HTTP server (the base of provisioning URLs), known once it listens. */
  publicBaseUrl?: () => string;
  /** The installed prompt set (`assets/prompts`); found next to the sources or the bundle by default. */
  promptsDir?: string;
  onEmergencyCall?(call: { number: string; caller: string; at: Date }): void;
}

/** What a device needs to register: JsSIP takes HA1 + realm, so the password itself never leaves the PBX. */
export interface SipCredentials {
  uri: string;
  authUser: string;
  ha1: string;
  realm: string;
  displayName: string;
}

export interface Pbx {
  readonly hotDesk: HotDesk;
  readonly accounts: SipAccounts;
  readonly sip: SipStack;
  readonly domain: string;
  readonly provisioning: Provisioning;
  /** Problems found at start (e.g. a data file moved aside), for the log. */
  readonly warnings: readonly string[];
  /** A password generated on the first start of site mode, to be shown once; null otherwise. */
  readonly generatedAdminPassword: string | null;
  /** Routes a WebSocket upgrade on the PBX's SIP path (`/sip`) to the SIP transport. */
  handleSipUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer, secure?: boolean): void;
  /** Serves the admin API (`/api/v1`) and provisioning documents; false for any other path. */
  handleHttp(request: IncomingMessage, response: ServerResponse): boolean;
  credentialsFor(user: string): SipCredentials | null;
  /** Pushes a changed provisioning document to a device's phones (check-sync). */
  sendCheckSync(deviceName: string): Promise<void>;
  stop(): Promise<void>;
}

/** Composition root of the embedded PBX: wires its layers and returns a handle to stop it. */
export async function startPbx(options: PbxOptions): Promise<Pbx> {
  const domain = options.domain ?? DEMO_DOMAIN;
  const host = options.host ?? '127.0.0.1';
  const publicBaseUrl = options.publicBaseUrl ?? (() => `http://${host}`);
  // Seeding the demo directory already asks for the reserved numbers, before `opened` is set.
  let opened: HotDesk | null = null;
  const emergencyNumbers = () => [
    ...new Set([...DEFAULT_DEVICE_OPTIONS.emergencyNumbers, ...(opened?.devices.list() ?? []).flatMap((device) => device.options.emergencyNumbers)]),
  ];
  const hotDesk: HotDesk = await openHotDesk(options.dataDir, {
    mode: options.mode,
    realm: domain,
    licence: await loadLicenceAssets(DEFAULT_LICENCE_DIR),
    reservedNumbers: () => [RECEPTION, ECHO_TEST, BUSY_LINE, ...emergencyNumbers()],
  });
  opened = hotDesk;
  const accounts = new SipAccounts(domain);
  const stopMirror = mirrorSipAccounts(hotDesk, accounts);
  const prompts = openPromptLibrary(options.promptsDir ?? DEFAULT_PROMPTS_DIR, { requiredVersion: PROMPT_SET_VERSION });
  const credentialsFor = (user: string): SipCredentials | null => {
    const account = hotDesk.sipAccount(user);
    if (!account) return null;
    return { uri: `sip:${user}@${domain}`, authUser: user, ha1: account.ha1, realm: account.realm, displayName: account.displayName };
  };
  const directory = provisioningDirectoryFor(hotDesk, credentialsFor);
  const provisioning = new Provisioning({
    directory,
    tokens: {
      tokenFor: (device) => hotDesk.devices.get(device.name)?.token ?? '',
      deviceFor: (token) => {
        const record = hotDesk.devices.findByToken(token);
        return record ? directory.findDeviceByName(record.name) : null;
      },
    },
    clock: systemClock,
    publicBaseUrl,
  });
  const sip = new SipStack({
    accounts,
    viaHost: host,
    domain,
    services: (layer) =>
      [
        new UaProfileService({
          layer,
          clock: systemClock,
          ids: randomIds,
          viaHost: host,
          directory: {
            findDeviceByMac: (mac) => hotDesk.devices.findByMac(mac),
            recordPendingPhone: (phone) => {
              if (hotDesk.devices.findByMac(phone.mac)) return;
              void hotDesk.pendingPhones.upsert({ ...phone, seenAt: phone.at }).catch((error: unknown) => console.error('pending phone not saved:', error));
            },
            provisioningUrl: (name) => provisioning.urlFor(name),
          },
        }),
        new BotService({
          layer,
          clock: systemClock,
          ids: randomIds,
          viaHost: host,
          domain,
          mediaAddress: host,
          prompts,
          emergencyNumbers,
          onEmergencyCall:
            options.onEmergencyCall ??
            ((call) => console.warn(`EMERGENCY CALL to ${call.number} from ${call.caller} at ${call.at.toISOString()} (demo operator answered)`)),
        }),
      ] as const,
    emergencyNumbers,
    dialCodes: () => hotDesk.dialCodes.get(),
    registrarEvents: {
      onBindingAdded: (binding) => hotDesk.changes.emit({ type: 'device.status', name: binding.aor }),
      onBindingRemoved: (binding) => hotDesk.changes.emit({ type: 'device.status', name: binding.aor }),
    },
  });
  const [uaProfile] = sip.services;
  const checkSync = new CheckSync({
    layer: sip.layer,
    clock: systemClock,
    ids: randomIds,
    domain,
    viaHost: host,
    bindingsOf: (aor) => sip.bindingsOf(aor),
    flows: sip.transport,
    aorsOf: (name) => provisioning.aorsOf(name),
  });
  const sendCheckSync = async (name: string) => {
    await checkSync.send(name);
  };
  const admin = await initAdminCredentials({ store: hotDesk.store.admin, mode: options.mode });
  const adminApi = createAdminApi({
    hotDesk,
    credentials: admin.credentials,
    hooks: {
      isRegistered: (name) => sip.bindingsOf(name).length > 0,
      onAssigned: (mac, name) => {
        const parsed = parseMac(mac);
        if (parsed) uaProfile.assign(parsed, name);
      },
      onDeviceChanged: (name) => void sendCheckSync(name),
      provisioningUrl: (device) => provisioning.urlFor(device.name),
    },
  });
  // Load the WebRTC stack once the device is up, so the first call does not wait for it.
  setTimeout(() => void loadMediaEndpoint().catch((error: unknown) => console.error('media stack failed to load:', error)), 5000).unref();
  return {
    hotDesk,
    accounts,
    sip,
    domain,
    provisioning,
    warnings: hotDesk.warnings,
    generatedAdminPassword: admin.generatedPassword ?? null,
    handleSipUpgrade: (request, socket, head, secure = false) => sip.handleUpgrade(request, socket, head, secure),
    handleHttp: (request, response) => adminApi(request, response) || provisioning.http(request, response),
    credentialsFor,
    sendCheckSync,
    async stop() {
      adminApi.close();
      for (const service of sip.services) service.close();
      sip.close();
      stopMirror();
      await hotDesk.close();
    },
  };
}
