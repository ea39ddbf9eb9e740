import {
  describeIssues,
  settingsPatchSchema,
  settingsSchema,
  BridgeError,
  type Settings,
  type SettingsPatch,
} from '../../../shared/contracts';

/** The key/value file a settings store sits on: `conf` in plain Node, `electron-store` inside Electron. */
export interface SettingsBackend {
  readonly path: string;
  store: Record<string, unknown>;
}

export interface SettingsStore {
  readonly path: string;
  get(): Settings;
  update(patch: unknown): Settings;
  onChange(listener: (settings: Settings) => void): () => void;
}

/** Validates every write against the schema, so a bad patch is refused and the file is never half-written. */
export class ValidatedSettingsStore implements SettingsStore {
  private current: Settings;
  private readonly listeners = new Set<(settings: Settings) => void>();

  constructor(private readonly backend: SettingsBackend) {
    this.current = settingsSchema.parse(backend.store);
  }

  get path(): string {
    return this.backend.path;
  }

  get(): Settings {
    return structuredClone(this.current);
  }

  update(patch: unknown): Settings {
    const parsedPatch = settingsPatchSchema.safeParse(patch);
    if (!parsedPatch.success) throw new BridgeError('bad-request', describeIssues('Settings not saved', parsedPatch.error));
    const next = settingsSchema.parse({ ...this.current, ...(parsedPatch.data as SettingsPatch) });
    this.backend.store = next as unknown as Record<string, unknown>;
    this.current = next;
    for (const listener of this.listeners) {
      try {
        listener(this.get());
      } catch (error) {
        // The update is saved; a failing listener must not turn it into an error for the caller.
        console.error('settings listener failed:', error);
      }
    }
    return this.get();
  }

  onChange(listener: (settings: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
