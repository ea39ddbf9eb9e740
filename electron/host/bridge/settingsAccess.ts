import type { SettingsPatch } from '../../../shared/contracts';

/**
 * Settings fields that decide who the device is, where it registers and how it can be left: changing any of them
 * needs the admin PIN (README, "Security model"). Theme and audio devices do not.
 */
export const ADMIN_PIN_FIELDS: ReadonlySet<keyof SettingsPatch> = new Set(['mode', 'mac', 'sipAccount', 'provisioningUrl', 'sitePbxUrl', 'kiosk', 'adminPin']);

export function needsAdminPin(patch: SettingsPatch): boolean {
  return Object.keys(patch).some((field) => ADMIN_PIN_FIELDS.has(field as keyof SettingsPatch));
}

/** Which device a bridge session acts for: the host's own (kiosk), or the one its page names. */
export type PageDevice = { kind: 'own' } | { kind: 'mac'; mac: string } | { kind: 'account'; extension: string };

/** Why a session may not change the settings at all, or null. They belong to the host's own device. */
export function settingsUpdateRefusal(device: PageDevice): string | null {
  if (device.kind === 'own') return null;
  const page = device.kind === 'mac' ? `device ${device.mac.slice(0, 40)}` : `extension ${device.extension.slice(0, 20)}`;
  return `This page is ${page}; the settings belong to this host's own device (the page without ?mac= or ?account=)`;
}
