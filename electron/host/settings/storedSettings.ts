import { z } from 'zod';
import { settingsSchema, sipAccountSchema, type Settings, type SipAccount } from '../../../shared/contracts';
import { throttleStateSchema } from '../security/attemptThrottle';
import { pinHashSchema } from '../security/pinHash';
import type { SecretBox } from './secretBox';

/** A manual account on disk: the password sealed with the OS keychain where there is one, else in plain text. */
const storedSipAccountSchema = sipAccountSchema.extend({
  password: sipAccountSchema.shape.password.optional(),
  sealedPassword: z.string().min(1).optional(),
});

/** settings.json: what the bridge shows, the secrets it never shows, and the admin PIN's slow hash. */
export const storedSettingsSchema = settingsSchema.extend({
  sipAccount: storedSipAccountSchema.nullable().default(null),
  adminPin: pinHashSchema.nullable().default(null),
  adminPinLock: throttleStateSchema.nullable().default(null),
});
type StoredSettings = z.infer<typeof storedSettingsSchema>;

/** A manual account as the host holds it in memory; `password` is null when the stored one cannot be read. */
export type HeldSipAccount = Omit<SipAccount, 'password'> & { password: string | null };

/** The device's settings inside the host, secrets included: never sent to a bridge client as they are. */
export type DeviceSettings = Omit<Settings, 'sipAccount'> & { sipAccount: HeldSipAccount | null };

/** What settings.json keeps about the admin PIN: its hash, and the wrong guesses and lockout. Never shown. */
export type AdminPinRecord = Pick<StoredSettings, 'adminPin' | 'adminPinLock'>;

export interface LoadedSettings {
  settings: DeviceSettings;
  admin: AdminPinRecord;
  /** The file keeps a password in plain text that the keychain could seal now. */
  needsSealing: boolean;
  warning: string | null;
}

export function loadStoredSettings(raw: unknown, box: SecretBox | null): LoadedSettings {
  const { adminPin, adminPinLock, sipAccount, ...rest } = storedSettingsSchema.parse(raw);
  const admin = { adminPin, adminPinLock };
  if (!sipAccount) return { settings: { ...rest, sipAccount: null }, admin, needsSealing: false, warning: null };
  const { password, sealedPassword, ...account } = sipAccount;
  const opened = sealedPassword === undefined ? { password: password ?? null, warning: null } : openSealed(sealedPassword, box);
  return {
    settings: { ...rest, sipAccount: { ...account, password: opened.password } },
    admin,
    needsSealing: box !== null && password !== undefined,
    warning: opened.warning,
  };
}

function openSealed(sealed: string, box: SecretBox | null): { password: string | null; warning: string | null } {
  const lost = 'The manual SIP account password was sealed with a keychain this host cannot open; enter it again.';
  if (!box) return { password: null, warning: lost };
  try {
    return { password: box.open(sealed), warning: null };
  } catch {
    return { password: null, warning: lost };
  }
}

export function storeSettings(settings: DeviceSettings, admin: AdminPinRecord, box: SecretBox | null): Record<string, unknown> {
  const account = settings.sipAccount;
  let sipAccount: Record<string, unknown> | null = null;
  if (account) {
    const { password, ...rest } = account;
    sipAccount = password === null ? rest : box ? { ...rest, sealedPassword: box.seal(password) } : { ...rest, password };
  }
  return { ...settings, sipAccount, ...admin };
}

/** What every bridge client may see: the account without its password. */
export function publicSettings(settings: DeviceSettings): Settings {
  const account = settings.sipAccount;
  if (!account) return { ...settings, sipAccount: null };
  const { password, ...rest } = account;
  return { ...settings, sipAccount: { ...rest, hasPassword: password !== null } };
}
