import path from 'node:path';
import { ensureDirectory, makePrivate } from '../../common';
import { lockDataDir } from './dataDirLock';
import { memoryDocumentStore, type DocumentStore } from './documentStore';
import { type OpenState, type PendingDocument, readFileDocument } from './fileDocument';
import { readFileJournal } from './fileJournal';
import { memoryJournal, type Journal } from './journal';
import type { DocumentSpec, MigrationContext } from './migrations';
import { auditSpec, type AuditEvent } from './schema/auditRecord';
import { devicesSpec, type DevicesData } from './schema/devicesDoc';
import { extensionsSpec, type ExtensionsData } from './schema/extensionsDoc';
import { pendingPhonesSpec, type PendingPhonesData } from './schema/pendingPhonesDoc';
import {
  adminCredentialsSpec,
  dialCodesSpec,
  licenceSpec,
  pbxSettingsSpec,
  type AdminCredentialsData,
  type LicenceData,
  type PbxSettings,
} from './schema/settingsDocs';
import type { DialCodes } from '../../../shared/domain/dialCodes';

/** The files under the PBX's data dir. */
export const STORE_FILES = {
  devices: 'devices.json',
  extensions: 'extensions.json',
  pendingPhones: 'pending-phones.json',
  dialCodes: 'dial-codes.json',
  settings: 'settings.json',
  licence: 'licence.json',
  admin: 'admin.json',
  audit: 'audit.jsonl',
} as const;

export type StoreName = keyof typeof STORE_FILES;

/** All of the PBX's persistent data, each part behind its own interface. */
export interface PbxStore {
  readonly devices: DocumentStore<DevicesData>;
  readonly extensions: DocumentStore<ExtensionsData>;
  readonly pendingPhones: DocumentStore<PendingPhonesData>;
  readonly dialCodes: DocumentStore<DialCodes>;
  readonly settings: DocumentStore<PbxSettings>;
  readonly licence: DocumentStore<LicenceData>;
  readonly admin: DocumentStore<AdminCredentialsData>;
  readonly audit: Journal<AuditEvent>;
  /** How each part was found when the store opened (`created` on first start). */
  readonly states: Readonly<Record<StoreName, OpenState>>;
  /** Unreadable files that were moved aside, in words for the log and the console. */
  readonly warnings: readonly string[];
  close(): Promise<void>;
}

/**
 * Opens (or creates) the store under `dir`. Every acknowledged write is durable (atomic file replacement for the
 * documents, an fsynced append-only journal for the audit log); a second PBX on the same dir is refused before it
 * writes anything. Every file is read before any is changed: a start that fails (a file from a newer PBX, one that
 * cannot be read) moves nothing aside. What had to be moved aside, repaired or upgraded is listed in `warnings`.
 * The directory and its files are made private to the PBX's user (0700 / 0600): they hold HA1s, PIN and password
 * hashes and provisioning tokens.
 */
export async function openPbxStore(dir: string, context: MigrationContext): Promise<PbxStore> {
  await ensureDirectory(dir);
  const lock = await lockDataDir(dir);
  try {
    const read = <T>(name: StoreName, spec: DocumentSpec<T>) => readFileDocument(path.join(dir, STORE_FILES[name]), spec, context);
    const pending = {
      devices: await read('devices', devicesSpec),
      extensions: await read('extensions', extensionsSpec),
      pendingPhones: await read('pendingPhones', pendingPhonesSpec),
      dialCodes: await read('dialCodes', dialCodesSpec),
      settings: await read('settings', pbxSettingsSpec),
      licence: await read('licence', licenceSpec),
      admin: await read('admin', adminCredentialsSpec),
    };
    const pendingAudit = await readFileJournal(path.join(dir, STORE_FILES.audit), auditSpec, context.now);
    // Everything is readable by this PBX: from here on files may be changed.
    await makePrivate(dir);
    const warnings: string[] = [];
    const states = {} as Record<StoreName, OpenState>;
    const open = async <T>(name: StoreName, document: PendingDocument<T>) => {
      const opened = await document.open();
      states[name] = opened.state;
      if (opened.warning) warnings.push(opened.warning);
      return opened.store;
    };
    const devices = await open('devices', pending.devices);
    const extensions = await open('extensions', pending.extensions);
    const pendingPhones = await open('pendingPhones', pending.pendingPhones);
    const dialCodes = await open('dialCodes', pending.dialCodes);
    const settings = await open('settings', pending.settings);
    const licence = await open('licence', pending.licence);
    const admin = await open('admin', pending.admin);
    const openedAudit = await pendingAudit.open();
    states.audit = openedAudit.state;
    if (openedAudit.warning) warnings.push(openedAudit.warning);
    const documents = [devices, extensions, pendingPhones, dialCodes, settings, licence, admin];
    return {
      devices,
      extensions,
      pendingPhones,
      dialCodes,
      settings,
      licence,
      admin,
      audit: openedAudit.journal,
      states,
      warnings,
      async close() {
        await Promise.all([...documents.map((store) => store.close()), openedAudit.journal.close()]);
        await lock.release();
      },
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}

/** The same store in memory (nothing survives close): for tests, and for a throwaway PBX. */
export function memoryPbxStore(): PbxStore {
  const memory = <T>(spec: DocumentSpec<T>) => memoryDocumentStore(spec.kind, spec.schema, spec.initial());
  const stores = {
    devices: memory(devicesSpec),
    extensions: memory(extensionsSpec),
    pendingPhones: memory(pendingPhonesSpec),
    dialCodes: memory(dialCodesSpec),
    settings: memory(pbxSettingsSpec),
    licence: memory(licenceSpec),
    admin: memory(adminCredentialsSpec),
    audit: memoryJournal(auditSpec),
  };
  const states = Object.fromEntries(Object.keys(STORE_FILES).map((name) => [name, 'created'])) as Record<StoreName, OpenState>;
  return {
    ...stores,
    states,
    warnings: [],
    async close() {
      await Promise.all(Object.values(stores).map((store) => store.close()));
    },
  };
}
