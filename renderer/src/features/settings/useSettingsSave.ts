import { useCallback, useState } from 'react';
import type { SettingsPatch } from '../../../../shared/contracts';
import { messageOf } from '../../store/errors';
import { useAppStore } from '../../store/StoreProvider';
import { fieldOfRefusal, patchErrors, type FieldErrors } from './patchErrors';

export interface SettingsSave {
  /** Why each field of the last save was refused. */
  errors: FieldErrors;
  /** A refusal that names no field (a wrong admin PIN, a lockout), or null. */
  problem: string | null;
  /** The last save went through. */
  saved: boolean;
  busy: boolean;
  /** Checks the patch with the bridge's schema, then saves it (with the admin PIN when given); true when it was saved. */
  save(patch: SettingsPatch, adminPin?: string | null): Promise<boolean>;
}

/** Saving one group of settings, with the reason for a refusal kept next to the field it concerns. */
export function useSettingsSave(): SettingsSave {
  const updateSettings = useAppStore((state) => state.updateSettings);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const save = useCallback(
    async (patch: SettingsPatch, adminPin?: string | null) => {
      setSaved(false);
      setProblem(null);
      const invalid = patchErrors(patch);
      setErrors(invalid);
      if (Object.keys(invalid).length > 0) return false;
      setBusy(true);
      try {
        await updateSettings(patch, adminPin ? { adminPin } : undefined);
        setSaved(true);
        return true;
      } catch (error) {
        const message = messageOf(error);
        const refusal = fieldOfRefusal(message);
        if (refusal) setErrors({ [refusal.field]: refusal.reason });
        else setProblem(message);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [updateSettings],
  );
  return { errors, problem, saved, busy, save };
}
