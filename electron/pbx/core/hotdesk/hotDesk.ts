import { randomBytes as cryptoRandomBytes } from 'node:crypto';
import type { Mode } from '../../../../shared/contracts';
import { computeHa1 } from '../auth/digestAuth';
import { LicenceService } from '../licence/licenceService';
import type { LicenceAssets } from '../licence/licenceAssets';
import { type MigrationContext, openPbxStore, type PbxStore } from '../../store';
import { AuditLog } from './auditLog';
import { ChangeFeed } from './changeFeed';
import { enrolDemoPoolDevices, fillDemoPinsLater, seedDemoPoolDevices, seedDemoExtensions } from './demoData';
import { DeviceRepository } from './deviceRepository';
import { DialCodeRepository } from './dialCodeRepository';
import { ExtensionRepository } from './extensionRepository';
import { NumberPlan } from './numberPlan';
import { PendingPhoneRepository } from './pendingPhoneRepository';
import { DEFAULT_SCRYPT_COST, type ScryptCost } from './secretHash';
import { SettingsRepository } from './settingsRepository';

export interface HotDeskConfig {
  mode: Mode;
  /** The SIP realm (the PBX's domain) HA1s are made for. */
  realm: string;
  licence: LicenceAssets;
  now?: () => Date;
  randomBytes?: (size: number) => Buffer;
  /** scrypt cost for PINs; tests pass cheaper parameters. */
  pinCost?: ScryptCost;
  /**
   * The PBX's own services by number (its bots), which neither extensions nor emergency numbers may take; none by
   * default (core/bots is not imported here: it pulls in the media stack).
   */
  serviceNumbers?: () => ReadonlyMap<string, string>;
  /** The public key of the device host running this PBX: demo mode enrols the demo devices to it. */
  localDeviceKey?: string | null;
}

/** A SIP identity the registrar authenticates: an extension or a hot-desking device's pool identity. */
export interface SipAccountView {
  user: string;
  displayName: string;
  kind: 'extension' | 'pool';
  ha1: string;
  realm: string;
}

/** The PBX's hot-desk data and rules, over one store. */
export interface HotDesk {
  readonly store: PbxStore;
  readonly changes: ChangeFeed;
  readonly devices: DeviceRepository;
  readonly extensions: ExtensionRepository;
  readonly pendingPhones: PendingPhoneRepository;
  readonly audit: AuditLog;
  readonly dialCodes: DialCodeRepository;
  /** Which number means what: emergency numbers, and the rule that no number means two things. */
  readonly numbers: NumberPlan;
  readonly settings: SettingsRepository;
  readonly licence: LicenceService;
  /** Problems found while opening (unreadable files moved aside), for the log and the console. */
  readonly warnings: readonly string[];
  /** The domain's clock (PIN lockouts, sessions, audit times). */
  now(): Date;
  /** Finds the SIP credentials (HA1) of an extension or pool identity, for digest authentication. */
  sipAccount(user: string): SipAccountView | null;
  close(): Promise<void>;
}

/**
 * Builds the hot-desk domain over `store`. In demo mode a first start (or a document that had to be moved aside) is
 * seeded with the demo directory and devices (README, "The embedded PBX"); the demo PRO licence is built in.
 */
export async function createHotDesk(store: PbxStore, config: HotDeskConfig): Promise<HotDesk> {
  const now = config.now ?? (() => new Date());
  const randomBytes = config.randomBytes ?? cryptoRandomBytes;
  const changes = new ChangeFeed();
  const newSipSecret = (user: string) => ({ ha1: computeHa1(user, config.realm, randomBytes(18).toString('base64url')), realm: config.realm });
  const licence = new LicenceService({
    store: store.licence,
    publicKeyPem: config.licence.publicKeyPem,
    builtInToken: config.mode === 'demo' ? config.licence.demoToken : null,
    now,
    changes,
  });
  const settings = new SettingsRepository({ store: store.settings, changes });
  const dialCodes = new DialCodeRepository({ store: store.dialCodes, changes });
  const numbers: NumberPlan = new NumberPlan({
    extensions: () => extensions.list(),
    devices: () => devices.list(),
    serviceNumbers: config.serviceNumbers ?? (() => new Map()),
    dialCodes: () => dialCodes.get(),
  });
  const devices = new DeviceRepository({
    store: store.devices,
    licence,
    changes,
    now,
    randomBytes,
    newSipSecret,
    checkEmergencyNumbers: (list) => numbers.checkEmergencyNumbers(list),
  });
  const extensions: ExtensionRepository = new ExtensionRepository({
    store: store.extensions,
    changes,
    now,
    randomBytes,
    sipSecret: (user, password) => ({ ha1: computeHa1(user, config.realm, password), realm: config.realm }),
    pinMinLength: () => settings.get().pinMinLength,
    pinCost: config.pinCost ?? DEFAULT_SCRYPT_COST,
    checkNumber: (extension) => numbers.checkExtensionNumber(extension),
  });
  const warnings = [...store.warnings];
  const hotDesk: HotDesk = {
    store,
    changes,
    devices,
    extensions,
    pendingPhones: new PendingPhoneRepository({ store: store.pendingPhones, changes }),
    audit: new AuditLog({ journal: store.audit, now, randomBytes }),
    dialCodes,
    numbers,
    settings,
    licence,
    warnings,
    now,
    sipAccount(user) {
      const device = devices.get(user);
      if (device) return { user, displayName: device.name, kind: 'pool', ...device.sip };
      const extension = extensions.get(user);
      if (extension) return { user, displayName: extension.name, kind: 'extension', ...extension.sip };
      return null;
    },
    close: async () => {
      await extensions.seedPinsWritten();
      await store.close();
    },
  };
  if (config.mode === 'demo') {
    const fresh = (state: string) => state === 'created' || state === 'recovered';
    if (fresh(store.states.extensions)) await seedDemoExtensions(extensions, { sipPasswords: 'demo' });
    fillDemoPinsLater(extensions);
    if (fresh(store.states.devices)) await seedDemoPoolDevices(devices);
    if (config.localDeviceKey) await enrolDemoPoolDevices(devices, config.localDeviceKey);
    const reseeded = (['extensions', 'devices'] as const).filter((name) => store.states[name] === 'recovered');
    if (reseeded.length > 0) warnings.push(`Demo mode: the demo ${reseeded.join(' and ')} were seeded again in place of the file(s) moved aside`);
  }
  return hotDesk;
}

/** Opens the store under `dataDir` (the PBX's own folder) and builds the domain over it. */
export async function openHotDesk(dataDir: string, config: HotDeskConfig): Promise<HotDesk> {
  const randomBytes = config.randomBytes ?? cryptoRandomBytes;
  const context: MigrationContext = {
    now: config.now ?? (() => new Date()),
    randomBytes,
    newSipSecret: (user) => ({ ha1: computeHa1(user, config.realm, randomBytes(18).toString('base64url')), realm: config.realm }),
  };
  const store = await openPbxStore(dataDir, context);
  try {
    return await createHotDesk(store, config);
  } catch (error) {
    await store.close();
    throw error;
  }
}
