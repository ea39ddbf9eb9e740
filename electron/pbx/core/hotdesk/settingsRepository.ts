import { MULTIPLE_LOGIN_POLICIES } from '../../../../shared/domain/multipleLogins';
import { isValidPinMinLength, PIN_MIN_LENGTH_RANGE } from '../../../../shared/domain/pinPolicy';
import type { DocumentStore, PbxSettings } from '../../store';
import type { ChangeFeed } from './changeFeed';
import { HotDeskError } from './hotDeskErrors';

/** PBX-wide hot-desk settings: the PIN policy's minimum length and the multiple-login policy. */
export class SettingsRepository {
  constructor(private readonly deps: { store: DocumentStore<PbxSettings>; changes: ChangeFeed }) {}

  get(): PbxSettings {
    return this.deps.store.read();
  }

  async update(patch: Partial<PbxSettings>): Promise<PbxSettings> {
    if (patch.pinMinLength !== undefined && !isValidPinMinLength(patch.pinMinLength)) {
      throw new HotDeskError('validation', `The PIN minimum length must be ${PIN_MIN_LENGTH_RANGE.min}–${PIN_MIN_LENGTH_RANGE.max}`, 'pinMinLength');
    }
    if (patch.multipleLogins !== undefined && !MULTIPLE_LOGIN_POLICIES.includes(patch.multipleLogins)) {
      throw new HotDeskError('validation', `The multiple-login policy must be one of ${MULTIPLE_LOGIN_POLICIES.join(', ')}`, 'multipleLogins');
    }
    const saved = await this.deps.store.update((current) => {
      const next = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) };
      return { next, result: next };
    });
    this.deps.changes.emit({ type: 'settings.updated' });
    return saved;
  }
}
