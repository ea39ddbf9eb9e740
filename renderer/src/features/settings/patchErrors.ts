import { settingsPatchSchema, type SettingsPatch } from '../../../../shared/contracts';

/** Field path (`sipAccount.webSocketUrl`) → why its value is refused. */
export type FieldErrors = Readonly<Record<string, string>>;

/** Checks a patch with the bridge's own schema, so a bad value is named next to its field before anything is sent. */
export function patchErrors(patch: SettingsPatch): FieldErrors {
  const parsed = settingsPatchSchema.safeParse(patch);
  if (parsed.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.join('.');
    errors[field] ??= issue.message;
  }
  return errors;
}

/**
 * The field a host's refusal names (`Settings not saved: sipAccount.password: …`, `settings.update arguments: 0.ringVolume: …`),
 * or null when it names none (a wrong admin PIN, say).
 */
export function fieldOfRefusal(message: string): { field: string; reason: string } | null {
  const match = /^(?:Settings not saved|settings\.update arguments): (?:0\.)?([A-Za-z][\w.]*): (.+)$/.exec(message);
  return match ? { field: match[1] as string, reason: match[2] as string } : null;
}
