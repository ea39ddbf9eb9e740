import { BridgeError, describeIssues, settingsPatchSchema, type Settings } from '../../../shared/contracts';
import { ListenerSet } from '../../../shared/util/listenerSet';
import type { ThrottleState } from '../security/attemptThrottle';
import type { PinHash } from '../security/pinHash';
import type { SecretBox } from './secretBox';
import { loadStoredSettings, publicSettings, storeSettings, type AdminPinRecord, type DeviceSettings, type HeldSipAccount } from './storedSettings';

/** The key/value file a settings store sits on: `conf` in plain Node, `electron-store` inside Electron. */
export interface SettingsBackend {
  readonly path: string;
  store: Record<string, unknown>;
}

export interface SettingsStore {
  readonly path: string;
  /** The settings with their secrets, for the host's own use. */
  get(): DeviceSettings;
  /** The settings as a bridge client may see them: no password. */
  view(): Settings;
  /** Applies a validated patch (anything but `adminPin`, which AdminPin keeps); returns the new view. */
  update(patch: unknown): Settings;
  adminPinHash(): PinHash | null;
  setAdminPinHash(hash: PinHash): void;
  adminPinLock(): ThrottleState | null;
  setAdminPinLock(state: ThrottleState): void;
  /** Listeners get the public view: nothing they pass on can leak a secret. */
  onChange(listener: (settings: Settings) => void): () => void;
}

const storePatchSchema = settingsPatchSchema.omit({ adminPin: true });

/** Validates every write against the schema, so a bad patch is refused and the file is never half-written. */
export class ValidatedSettingsStore implements SettingsStore {
  private current: DeviceSettings;
  private admin: AdminPinRecord;
  /** The update is saved whatever a listener does: a failing one is logged. */
  private readonly listeners = new ListenerSet<Settings>((error) => console.error('settings listener failed:', error));
  /** A stored secret that could not be read, for the start-up log. */
  readonly warning: string | null;

  constructor(
    private readonly backend: SettingsBackend,
    private readonly box: SecretBox | null = null,
  ) {
    const loaded = loadStoredSettings(backend.store, box);
    this.current = loaded.settings;
    this.admin = loaded.admin;
    this.warning = loaded.warning;
    if (loaded.needsSealing) this.save(this.current, this.admin);
  }

  get path(): string {
    return this.backend.path;
  }

  get(): DeviceSettings {
    return structuredClone(this.current);
  }

  view(): Settings {
    return publicSettings(this.get());
  }

  update(patch: unknown): Settings {
    const parsed = storePatchSchema.safeParse(patch);
    if (!parsed.success) throw new BridgeError('bad-request', describeIssues('Settings not saved', parsed.error));
    const { sipAccount, ...fields } = parsed.data;
    const next: DeviceSettings = { ...this.current, ...fields };
    if (sipAccount !== undefined) next.sipAccount = sipAccount && { ...sipAccount, password: this.passwordFor(sipAccount) };
    this.save(next, this.admin);
    this.current = next;
    const view = this.view();
    this.listeners.emit(view);
    return view;
  }

  adminPinHash(): PinHash | null {
    return this.admin.adminPin && { ...this.admin.adminPin };
  }

  setAdminPinHash(hash: PinHash): void {
    this.saveAdmin({ ...this.admin, adminPin: { ...hash } });
  }

  adminPinLock(): ThrottleState | null {
    return this.admin.adminPinLock && { ...this.admin.adminPinLock };
  }

  setAdminPinLock(state: ThrottleState): void {
    this.saveAdmin({ ...this.admin, adminPinLock: { ...state } });
  }

  onChange(listener: (settings: Settings) => void): () => void {
    // Each listener gets its own copy: what one does with it cannot reach another.
    return this.listeners.add((view) => listener(structuredClone(view)));
  }

  /**
   * A patch may leave the password out to keep the stored one, but only for the same server and user: the password
   * is never handed on to a server it was not typed in for.
   */
  private passwordFor(patch: Omit<HeldSipAccount, 'password'> & { password?: string | undefined }): string {
    if (patch.password !== undefined) return patch.password;
    const held = this.current.sipAccount;
    const same = held && held.webSocketUrl === patch.webSocketUrl && held.uri === patch.uri && held.authUser === patch.authUser;
    if (!same || held.password === null) {
      throw new BridgeError('bad-request', 'Settings not saved: sipAccount.password: a new or changed SIP account needs its password');
    }
    return held.password;
  }

  private saveAdmin(admin: AdminPinRecord): void {
    this.save(this.current, admin);
    this.admin = admin;
  }

  private save(settings: DeviceSettings, admin: AdminPinRecord): void {
    this.backend.store = storeSettings(settings, admin, this.box);
  }
}
