import type { Mode } from '../../../shared/contracts';
import { DEMO_KIOSK_MAC } from '../../../shared/domain/demoSeed';
import { parseMac, type Mac } from '../../../shared/domain/mac';

/**
 * The MAC that identifies this device to the PBX: the one in settings if set; in demo mode the
 * kiosk is HD0001's MAC; otherwise the machine's own.
 */
export function resolveDeviceMac(settingsMac: string | null, mode: Mode, machineMac: Mac | null): Mac {
  const fromSettings = settingsMac ? parseMac(settingsMac) : null;
  if (fromSettings) return fromSettings;
  if (mode === 'demo' || !machineMac) return DEMO_KIOSK_MAC as Mac;
  return machineMac;
}
