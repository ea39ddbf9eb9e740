import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Mode } from '../../shared/contracts';
import { DEMO_EXTENSIONS } from '../../shared/domain/demoSeed';
import { SipAccounts } from './core/accounts/sipAccounts';
import { HotDeskDevices, seedDemoDevices } from './core/hotdesk/hotDeskDevices';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { randomIds, systemClock } from './clock';
import { BotService } from './core/bots/botService';
import { DEFAULT_DEVICE_OPTIONS } from './core/hotdesk/hotDeskDevices';
import type { LocalService } from './core/localService';
import { SipStack } from './core/sip/sipStack';
import { openPromptLibrary, PROMPT_SET_VERSION } from './media';

export const DEMO_DOMAIN = 'hotdesk.local';

export interface PbxOptions {
  mode: Mode;
  dataDir: string;
  /** The address the PBX is reached at (Via, Record-Route, media). */
  host?: string;
  domain?: string;
  /** The installed prompt set (`assets/prompts`); found next to the sources or the bundle by default. */
  promptsDir?: string;
  onEmergencyCall?(call: { number: string; caller: string; at: Date }): void;
}

// electron/pbx/server.ts and the bundled dist/electron/main.mjs are both two folders below the project root.
export const DEFAULT_PROMPTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../assets/prompts');

/** What a device needs to register: JsSIP takes HA1 + realm, so the password itself never leaves the PBX. */
export interface SipCredentials {
  uri: string;
  authUser: string;
  ha1: string;
  realm: string;
  displayName: string;
}

export interface Pbx {
  readonly devices: HotDeskDevices;
  readonly accounts: SipAccounts;
  readonly sip: SipStack;
  readonly domain: string;
  /** Routes a WebSocket upgrade on the PBX's SIP path (`/sip`) to the SIP transport. */
  handleSipUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer, secure?: boolean): void;
  credentialsFor(user: string): SipCredentials | null;
  stop(): Promise<void>;
}

export const SIP_PATH = '/sip';

/** Composition root of the embedded PBX: wires its layers and returns a handle to stop it. */
export async function startPbx(options: PbxOptions): Promise<Pbx> {
  const domain = options.domain ?? DEMO_DOMAIN;
  const devices = new HotDeskDevices();
  const accounts = new SipAccounts(domain);
  if (options.mode === 'demo') {
    seedDemoDevices(devices);
    // Demo SIP passwords are public (PRODUCT.md §9) and the demo PBX listens on loopback only.
    for (const ext of DEMO_EXTENSIONS) accounts.addWithPassword(ext.extension, ext.name, 'extension', `sip-${ext.extension}`);
    for (const device of devices.list()) accounts.addWithPassword(device.name, device.name, 'pool', randomBytes(18).toString('base64url'));
  }
  const host = options.host ?? '127.0.0.1';
  const emergencyNumbers = () => [
    ...new Set([...DEFAULT_DEVICE_OPTIONS.emergencyNumbers, ...devices.list().flatMap((device) => device.options.emergencyNumbers)]),
  ];
  const prompts = openPromptLibrary(options.promptsDir ?? DEFAULT_PROMPTS_DIR, { requiredVersion: PROMPT_SET_VERSION });
  const services: LocalService[] = [];
  const sip = new SipStack({ accounts, viaHost: host, domain, services: () => services, emergencyNumbers });
  services.push(
    new BotService({
      layer: () => sip.layer,
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
  );
  return {
    devices,
    accounts,
    sip,
    domain,
    handleSipUpgrade: (request, socket, head, secure = false) => sip.handleUpgrade(request, socket, head, secure),
    credentialsFor(user) {
      const account = accounts.find(user);
      if (!account) return null;
      return { uri: `sip:${user}@${domain}`, authUser: user, ha1: account.ha1, realm: domain, displayName: account.displayName };
    },
    async stop() {
      for (const service of services) service.close();
      sip.close();
    },
  };
}
