import type { Mac } from '../../../../shared/domain/mac';
import { DEFAULT_HOT_DESK_OPTIONS } from '../../../../shared/contracts';
import { type DeviceRecord, type DeviceSession, type DevicesData, type DocumentStore, newProvisioningToken } from '../../store';
import type { HotDeskAllowance } from '../licence/licenceService';
import type { ChangeFeed } from './changeFeed';
import { applyOptions, checkTemplate, requireMac, type DeviceCreateInput, type DevicePatch, type OptionsPatch } from './deviceInput';
import { HotDeskError } from './hotDeskErrors';
import { allocatePoolName } from './poolNames';

export interface DeviceRepositoryDeps {
  store: DocumentStore<DevicesData>;
  licence: { hotDeskAllowance(): HotDeskAllowance };
  changes: ChangeFeed;
  now(): Date;
  randomBytes(size: number): Buffer;
  /** Fresh pool credentials for a device name: HA1 of a random password. */
  newSipSecret(user: string): { ha1: string; realm: string };
  /** Throws `conflict` naming the clash when one of these may not be an emergency number (an extension, a code). */
  checkEmergencyNumbers(numbers: readonly string[]): void;
}

export interface DeviceUpdate {
  device: DeviceRecord;
  /** True when the device's provisioning document changes (it should re-fetch: check-sync). */
  provisioningChanged: boolean;
}

export interface Enrolment {
  device: DeviceRecord;
  /**
   * True when the device had another key: its document token and pool credentials were made anew, so the replaced
   * device (which may still hold them) gets neither again.
   */
  rotated: boolean;
}

/** A seeded device (demo data): created without the licence check, with a given name. */
export interface DeviceSeed {
  name: string;
  mac: string;
  options?: OptionsPatch;
}

/**
 * The hot-desking devices (the admin API's /devices): names `HDnnnn`, one per MAC, each with
 * its provisioning token and pool SIP credentials. Reads are synchronous from the committed state.
 */
export class DeviceRepository {
  private indexed: DevicesData | null = null;
  private byName = new Map<string, DeviceRecord>();
  private byMac = new Map<string, DeviceRecord>();
  private byToken = new Map<string, DeviceRecord>();

  constructor(private readonly deps: DeviceRepositoryDeps) {}

  /** All devices, by name. */
  list(): readonly DeviceRecord[] {
    this.index();
    return [...this.byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  get(name: string): DeviceRecord | null {
    this.index();
    return this.byName.get(name) ?? null;
  }

  findByMac(mac: Mac | string): DeviceRecord | null {
    this.index();
    return this.byMac.get(mac.toLowerCase()) ?? null;
  }

  /** The device whose provisioning URL carries `token` (for the provisioning document server). */
  findByToken(token: string): DeviceRecord | null {
    this.index();
    return this.byToken.get(token) ?? null;
  }

  /** Creates a device under the next free name; needs a PRO or Enterprise licence (and room under its limit). */
  async create(input: DeviceCreateInput): Promise<DeviceRecord> {
    checkTemplate(input.template);
    const mac = requireMac(input.mac);
    this.deps.checkEmergencyNumbers(input.options?.emergencyNumbers ?? []);
    const options = applyOptions(DEFAULT_HOT_DESK_OPTIONS, input.options);
    const device = await this.deps.store.update((data) => {
      const allowance = this.deps.licence.hotDeskAllowance();
      if (!allowance.ok) throw new HotDeskError('licence-required', allowance.reason);
      if (allowance.maxDevices !== null && data.devices.length >= allowance.maxDevices) {
        throw new HotDeskError('licence-limit', `The licence allows ${allowance.maxDevices} hot-desking devices and all are in use`);
      }
      this.refuseTakenMac(data, mac, null);
      const name = allocatePoolName(data.devices.map((existing) => existing.name));
      const record = this.newRecord(name, mac, {
        provisioning: input.provisioning ?? 'pnp',
        sbc: input.sbc ?? null,
        options,
      });
      return { next: { devices: [...data.devices, record] }, result: record };
    });
    this.deps.changes.emit({ type: 'device.created', name: device.name });
    return device;
  }

  /**
   * Changes a device's MAC, provisioning method, SBC or options. A new MAC is another device: its key is dropped (it
   * enrols again) and its token and pool credentials are made anew; otherwise the name, token and credentials stay.
   */
  async update(name: string, patch: DevicePatch): Promise<DeviceUpdate> {
    checkTemplate(patch.template);
    const mac = patch.mac === undefined ? undefined : requireMac(patch.mac);
    this.deps.checkEmergencyNumbers(patch.options?.emergencyNumbers ?? []);
    const outcome = await this.deps.store.update((data) => {
      const current = data.devices.find((device) => device.name === name);
      if (!current) throw notFound(name);
      if (mac !== undefined) this.refuseTakenMac(data, mac, name);
      const changed: DeviceRecord = {
        ...current,
        ...(mac !== undefined && mac !== current.mac ? { ...this.freshSecrets(current.name), key: null } : {}),
        mac: mac ?? current.mac,
        provisioning: patch.provisioning ?? current.provisioning,
        sbc: patch.sbc === undefined ? current.sbc : patch.sbc,
        options: applyOptions(current.options, patch.options),
      };
      if (sameProvisioning(current, changed)) return { next: data, result: { device: current, provisioningChanged: false } };
      const device = { ...changed, updatedAt: this.deps.now().toISOString() };
      return {
        next: { devices: data.devices.map((existing) => (existing.name === name ? device : existing)) },
        result: { device, provisioningChanged: true },
      };
    });
    if (outcome.provisioningChanged) this.deps.changes.emit({ type: 'device.updated', name, provisioning: true });
    return outcome;
  }

  /**
   * Binds the device to the key its phone proved (the admin's Assign; README, "Device enrolment"). Binding a device that
   * had another key is a re-enrolment: it also makes a new token and new pool credentials.
   */
  async enrol(name: string, publicKey: string): Promise<Enrolment> {
    const outcome = await this.deps.store.update((data) => {
      const current = data.devices.find((device) => device.name === name);
      if (!current) throw notFound(name);
      if (current.key?.publicKey === publicKey) return { next: data, result: { device: current, rotated: false, changed: false } };
      const rotated = current.key !== null;
      const at = this.deps.now().toISOString();
      const device: DeviceRecord = { ...current, ...(rotated ? this.freshSecrets(name) : {}), key: { publicKey, enrolledAt: at }, updatedAt: at };
      return { next: { devices: data.devices.map((existing) => (existing.name === name ? device : existing)) }, result: { device, rotated, changed: true } };
    });
    if (outcome.changed) this.deps.changes.emit({ type: 'device.updated', name, provisioning: true });
    return { device: outcome.device, rotated: outcome.rotated };
  }

  /** The devices a user is logged in on, by name. */
  withSession(extension: string): DeviceRecord[] {
    return this.list().filter((device) => device.session?.extension === extension);
  }

  /**
   * Starts (a session) or ends (null) the hot-desk session on a device; resolves with the session it replaced.
   * The provisioning document changes with it: the caller sends check-sync.
   */
  async setSession(name: string, session: DeviceSession | null): Promise<DeviceSession | null> {
    const previous = await this.deps.store.update((data) => {
      const current = data.devices.find((device) => device.name === name);
      if (!current) throw notFound(name);
      const device: DeviceRecord = { ...current, session: session === null ? null : { ...session } };
      return { next: { devices: data.devices.map((existing) => (existing === current ? device : existing)) }, result: current.session };
    });
    this.deps.changes.emit({ type: 'device.status', name });
    return previous;
  }

  async remove(name: string): Promise<DeviceRecord> {
    const removed = await this.deps.store.update((data) => {
      const current = data.devices.find((device) => device.name === name);
      if (!current) throw notFound(name);
      return { next: { devices: data.devices.filter((device) => device !== current) }, result: current };
    });
    this.deps.changes.emit({ type: 'device.deleted', name });
    return removed;
  }

  /** Adds seed devices (demo data) under their given names, skipping names or MACs already present. */
  async seed(seeds: readonly DeviceSeed[]): Promise<void> {
    await this.deps.store.update((data) => {
      const added = seeds
        .filter((seed) => !data.devices.some((device) => device.name === seed.name || device.mac === requireMac(seed.mac)))
        .map((seed) => this.newRecord(seed.name, requireMac(seed.mac), { provisioning: 'pnp', sbc: null, options: applyOptions(DEFAULT_HOT_DESK_OPTIONS, seed.options) }));
      return added.length === 0 ? { next: data, result: undefined } : { next: { devices: [...data.devices, ...added] }, result: undefined };
    });
  }

  private newRecord(name: string, mac: Mac, fields: Pick<DeviceRecord, 'provisioning' | 'sbc' | 'options'>): DeviceRecord {
    const at = this.deps.now().toISOString();
    return { name, mac, ...fields, template: null, ...this.freshSecrets(name), key: null, session: null, createdAt: at, updatedAt: at };
  }

  /** A new provisioning token (128 random bits) and new pool credentials. */
  private freshSecrets(name: string): Pick<DeviceRecord, 'token' | 'sip'> {
    return { token: newProvisioningToken(this.deps), sip: this.deps.newSipSecret(name) };
  }

  private refuseTakenMac(data: DevicesData, mac: Mac, except: string | null): void {
    const owner = data.devices.find((device) => device.mac === mac && device.name !== except);
    if (owner) throw new HotDeskError('conflict', `MAC ${mac} already belongs to ${owner.name}`, 'mac', { device: owner.name });
  }

  private index(): void {
    const data = this.deps.store.read();
    if (data === this.indexed) return;
    this.byName = new Map(data.devices.map((device) => [device.name, device]));
    this.byMac = new Map(data.devices.map((device) => [device.mac, device]));
    this.byToken = new Map(data.devices.map((device) => [device.token, device]));
    this.indexed = data;
  }
}

function notFound(name: string): HotDeskError {
  return new HotDeskError('not-found', `No hot-desking device ${name}`);
}

function sameProvisioning(a: DeviceRecord, b: DeviceRecord): boolean {
  const key = (device: DeviceRecord) => JSON.stringify([device.mac, device.provisioning, device.sbc, device.options, device.token]);
  return key(a) === key(b);
}
