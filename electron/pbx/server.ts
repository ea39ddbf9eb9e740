import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { Mode } from '../../shared/contracts';
import { DeviceProofVerifier, type EmergencyCallReport, type HotDesk, type HotDeskLogins, type SipAccounts } from './core';
import { systemClock } from '../sip';
import { PROMPT_SET_VERSION, PromptInstallation } from './media';
import type { Provisioning } from './provisioning';
import type { SipStack } from './sipStack';
import { warmUpMediaLater } from './start/mediaWarmUp';
import { startAdminApi } from './start/pbxAdmin';
import { openPbxDirectory } from './start/pbxDirectory';
import { startEmergency } from './start/pbxEmergency';
import { startHotDesk } from './start/pbxHotDesk';
import { startPhoneDirectory } from './start/pbxPhoneDirectory';
import { type SipCredentials, startProvisioning } from './start/pbxProvisioning';
import { startCheckSync, startSip } from './start/pbxSip';

export type { SipCredentials } from './start/pbxProvisioning';

const DEMO_DOMAIN = 'hotdesk.local';
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];

// electron/pbx/server.ts and the bundled dist/electron/main.mjs are both two folders below the project root.
const ASSETS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../assets');
const DEFAULT_PROMPTS_DIR = path.join(ASSETS_DIR, 'prompts');
const DEFAULT_LICENCE_DIR = path.join(ASSETS_DIR, 'licence');

export interface PbxOptions {
  mode: Mode;
  dataDir: string;
  /** The address the PBX is reached at (Via, Record-Route, media). */
  host?: string;
  domain?: string;
  /** Where devices reach the PBX's HTTP server (the base of provisioning URLs), known once it listens. */
  publicBaseUrl?: () => string;
  /**
   * The prompt set shipped with the PBX (`assets/prompts`, found next to the sources or the bundle by default). It
   * plays until a set is installed under `<dataDir>/prompts`; the console's Update installs it there.
   */
  promptsDir?: string;
  /**
   * The device key (raw Ed25519 public key, base64url) of the device host that runs this PBX; in demo mode the demo
   * devices are enrolled to it (README, "Device enrolment").
   */
  localDeviceKey?: string | null;
  /** The licence assets (vendor public key, built-in demo licence): `assets/licence` by default. */
  licenceDir?: string;
  onEmergencyCall?(call: EmergencyCallReport): void;
  /**
   * Host names of browser pages that may open `/sip` besides the PBX's own names and loopback (a kiosk's page is
   * served by its own web host on loopback), e.g. a web host serving device pages to other machines.
   */
  originHosts?: readonly string[];
}

export interface Pbx {
  readonly hotDesk: HotDesk;
  /** Hot-desk login and logout (sessions, PIN lockout, multiple-login policy). */
  readonly logins: HotDeskLogins;
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
  /** Serves the admin API (`/api/v1`), provisioning documents and the phone directory; false for any other path. */
  handleHttp(request: IncomingMessage, response: ServerResponse): boolean;
  credentialsFor(user: string): SipCredentials | null;
  /** Pushes a changed provisioning document to a device's phones (check-sync). */
  sendCheckSync(deviceName: string): Promise<void>;
  stop(): Promise<void>;
}

/** Composition root of the embedded PBX: starts its parts in order and returns a handle to stop them. */
export async function startPbx(options: PbxOptions): Promise<Pbx> {
  const domain = options.domain ?? DEMO_DOMAIN;
  const host = options.host ?? '127.0.0.1';
  const directory = await openPbxDirectory({
    dataDir: options.dataDir,
    mode: options.mode,
    domain,
    licenceDir: options.licenceDir ?? DEFAULT_LICENCE_DIR,
    localDeviceKey: options.localDeviceKey ?? null,
  });
  const { hotDesk, accounts } = directory;
  const hotDeskLogins = startHotDesk(hotDesk);
  const { logins } = hotDeskLogins;
  const prompts = new PromptInstallation({
    bundledDir: options.promptsDir ?? DEFAULT_PROMPTS_DIR,
    installedDir: path.join(options.dataDir, 'prompts'),
    requiredVersion: PROMPT_SET_VERSION,
  });
  // One verifier for SIP and HTTP: a nonce spent on a SUBSCRIBE cannot be spent on a document fetch.
  const proofs = new DeviceProofVerifier({ now: () => systemClock.now() });
  const publicBaseUrl = options.publicBaseUrl ?? (() => `http://${host}`);
  const emergency = startEmergency(hotDesk, domain, hotDeskLogins.flows);
  const { provisioning, credentialsFor } = startProvisioning(hotDesk, { domain, publicBaseUrl, proofs, logins, emergencyHolds: (name) => emergency.registry.holdsDesk(name) });
  const originHosts = () => [host, domain, hostNameOf(publicBaseUrl()), ...LOOPBACK_NAMES, ...(options.originHosts ?? [])];
  const sip = startSip({ host, domain, directory, prompts, provisioning, proofs, originHosts, emergency, hotDesk: hotDeskLogins, onEmergencyCall: options.onEmergencyCall });
  const checkSync = startCheckSync(sip, { host, domain, provisioning });
  hotDeskLogins.connect(sip, checkSync);
  const [uaProfile, , , outgoing] = sip.services;
  emergency.connect(sip, outgoing, provisioning, prompts);
  const sendCheckSync = async (name: string) => {
    await checkSync.send(name);
  };
  const phoneDirectory = startPhoneDirectory(directory, sip.authThrottle, () => systemClock.now());
  const admin = await startAdminApi({ hotDesk, logins, mode: options.mode, sip, uaProfile, provisioning, prompts, sendCheckSync, emergency });
  warmUpMediaLater();
  return {
    hotDesk,
    logins,
    accounts,
    sip,
    domain,
    provisioning,
    warnings: hotDesk.warnings,
    generatedAdminPassword: admin.generatedPassword,
    handleSipUpgrade: (request, socket, head, secure = false) => sip.handleUpgrade(request, socket, head, secure),
    handleHttp: (request, response) => phoneDirectory(request, response) || admin.api(request, response) || provisioning.http(request, response),
    credentialsFor,
    sendCheckSync,
    async stop() {
      admin.api.close();
      emergency.notifier.close();
      for (const service of sip.services) service.close();
      sip.close();
      directory.stopMirror();
      logins.close();
      await logins.settled();
      await admin.credentialsStored();
      await hotDesk.close();
    },
  };
}

function hostNameOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
