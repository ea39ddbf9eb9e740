import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DeviceKey } from '../../../../electron/host/identity/deviceKey';
import { ProvisioningClients } from '../../../../electron/host/provisioning/provisioningClients';
import { DeviceProofVerifier } from '../../../../electron/pbx/core/enrolment/deviceProofVerifier';
import { SipAccounts } from '../../../../electron/pbx/core/accounts/sipAccounts';
import { CheckSync } from '../../../../electron/pbx/core/presence/checkSync';
import type { PendingPhone } from '../../../../electron/pbx/core/presence/profilePorts';
import { UaProfileService } from '../../../../electron/pbx/core/presence/uaProfile';
import { SipStack } from '../../../../electron/pbx/sipStack';
import { randomIds, systemClock } from '../../../../electron/sip/clock';
import { Provisioning } from '../../../../electron/pbx/provisioning/provisioning';
import { hmacDeviceTokens } from '../../../../electron/pbx/provisioning/provisioningTokens';
import type { ProvisioningDevice } from '../../../../electron/pbx/provisioning/provisioningPorts';
import type { Mac } from '../../../../shared/domain/mac';
import { SIP_PATH, sipWebSocketUrlOf } from '../../../../shared/sip/sipWebSocket';
import { MemoryDirectory } from '../../../unit/pbx/provisioning/fixtures';

export const DOMAIN = 'hotdesk.local';

/** The device records of the rig: what the store + hot-desk repositories hold in the real PBX. */
export class RigDirectory extends MemoryDirectory {
  /** MAC → device for phones the admin assigned ("Assign Ext"), enrolled to the key the phone proved. */
  readonly assigned = new Map<Mac, string>();
  readonly pending = new Map<Mac, PendingPhone & { firstSeen: Date }>();

  constructor(private readonly accounts: SipAccounts) {
    super([]);
  }

  addDevice(device: ProvisioningDevice): void {
    this.devices.set(device.name, device);
    this.accounts.addWithPassword(device.name, device.name, 'pool', randomBytes(18).toString('base64url'));
  }

  override credentialsFor(user: string) {
    const account = this.accounts.find(user);
    if (!account) return null;
    return { uri: `sip:${user}@${DOMAIN}`, authUser: user, ha1: account.ha1, realm: DOMAIN, displayName: account.displayName };
  }

  recordPendingPhone(phone: PendingPhone): void {
    const firstSeen = this.pending.get(phone.mac)?.firstSeen ?? phone.at;
    this.pending.set(phone.mac, { ...phone, firstSeen });
  }

  /** What the admin's Assign does to the records: bind the device to the key the pending phone proved. */
  enrol(mac: Mac, deviceName: string): void {
    const device = this.devices.get(deviceName);
    if (!device) throw new Error(`no device ${deviceName}`);
    this.devices.set(deviceName, { ...device, publicKey: this.pending.get(mac)?.publicKey ?? null });
    this.assigned.set(mac, deviceName);
    this.pending.delete(mac);
  }
}

export interface ProvisioningRig {
  origin: string;
  wsUrl: string;
  sip: SipStack;
  accounts: SipAccounts;
  directory: RigDirectory;
  provisioning: Provisioning;
  uaProfile: UaProfileService;
  checkSync: CheckSync;
  /** The device host side: provisioning clients storing their documents under a temp data dir. */
  clients: ProvisioningClients;
  /** The device host's key, which its clients prove. */
  deviceKey: DeviceKey;
  /** What the provisioning HTTP handler logged (documents that could not be built). */
  errors: unknown[];
  /** What the admin API's "Assign Ext" does: enrol the device to the phone's key, then push the URL to the waiting phone. */
  assign(mac: Mac, deviceName: string): number;
  stop(): Promise<void>;
}

/**
 * A minimal composition of the PBX for provisioning: SIP stack + ua-profile notifier + check-sync + provisioning
 * HTTP on one loopback HTTP server, with in-memory device records, and a device host's provisioning clients.
 */
export async function startProvisioningRig(): Promise<ProvisioningRig> {
  const accounts = new SipAccounts(DOMAIN);
  accounts.addWithPassword('100', 'Alice Andrews', 'extension', 'sip-100');
  const directory = new RigDirectory(accounts);
  let origin = '';
  const errors: unknown[] = [];
  const proofs = new DeviceProofVerifier({ now: () => systemClock.now() });
  const provisioning = new Provisioning({
    directory,
    tokens: hmacDeviceTokens(randomBytes(32), directory),
    clock: systemClock,
    publicBaseUrl: () => origin,
    proofs,
    onError: (error) => errors.push(error),
  });
  const stack = new SipStack({
    accounts,
    viaHost: '127.0.0.1',
    domain: DOMAIN,
    services: (layer) =>
      [
        new UaProfileService({
          layer,
          clock: systemClock,
          ids: randomIds,
          viaHost: '127.0.0.1',
          directory: {
            findDeviceByMac: (mac) => {
              const name = directory.assigned.get(mac);
              return name ? { name, publicKey: directory.devices.get(name)?.publicKey ?? null } : null;
            },
            recordPendingPhone: (phone) => directory.recordPendingPhone(phone),
            provisioningUrl: (name) => provisioning.urlFor(name),
          },
          proofs,
        }),
      ] as const,
    emergencyNumbers: () => ['911'],
  });
  const [uaProfile] = stack.services;
  const checkSync = new CheckSync({
    layer: stack.layer,
    clock: systemClock,
    ids: randomIds,
    domain: DOMAIN,
    viaHost: '127.0.0.1',
    bindingsOf: (aor) => stack.bindingsOf(aor),
    flows: stack.transport,
    aorsOf: (name) => provisioning.aorsOf(name),
  });

  const server: Server = createServer((request, response) => {
    if (!provisioning.http(request, response)) response.writeHead(404).end('Not found');
  });
  server.on('upgrade', (request, socket, head) => {
    if (new URL(request.url ?? '/', 'http://x').pathname === SIP_PATH) stack.handleUpgrade(request, socket, head);
    else socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const wsUrl = sipWebSocketUrlOf(origin);
  const deviceKey = DeviceKey.generate();
  const clients = new ProvisioningClients({
    dataDir: mkdtempSync(path.join(tmpdir(), 'hotdesk-provisioning-it-')),
    version: '0.1.0',
    deviceKey,
    pnpWebSocketUrl: () => wsUrl,
    manualUrl: () => null,
  });
  return {
    origin,
    wsUrl,
    sip: stack,
    accounts,
    directory,
    provisioning,
    uaProfile,
    checkSync,
    clients,
    deviceKey,
    errors,
    assign(mac, deviceName) {
      directory.enrol(mac, deviceName);
      return uaProfile.assign(mac, deviceName);
    },
    async stop() {
      clients.close();
      uaProfile.close();
      stack.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
