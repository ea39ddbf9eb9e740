import { type DispatchableLocation, shortLocation } from '../../../../shared/domain/dispatchableLocation';
import { isZeroMac, parseMac, type Mac } from '../../../../shared/domain/mac';
import type { AutoLogout, HotDeskOptions } from '../../../../shared/contracts';
import type { ProvisioningMethod, Sbc } from '../../store';
import { HotDeskError } from './hotDeskErrors';

/** Options as an admin writes them: any subset, auto-logout timers and location fields one by one. */
export type OptionsPatch = Partial<Omit<HotDeskOptions, 'autoLogout' | 'dispatchableLocation'>> & {
  autoLogout?: Partial<AutoLogout>;
  dispatchableLocation?: Partial<DispatchableLocation>;
};

export interface DeviceCreateInput {
  mac: string;
  provisioning?: ProvisioningMethod;
  sbc?: Sbc | null;
  /** null (or absent) = the built-in template; anything else is refused on hot-desking devices. */
  template?: string | null;
  options?: OptionsPatch;
}

export type DevicePatch = Partial<DeviceCreateInput>;

const CUSTOM_TEMPLATE_REFUSED = 'Custom provisioning templates cannot be used on hot-desking devices';

/** Hot-desking devices are provisioned with the built-in template only; a custom one is refused. */
export function checkTemplate(template: string | null | undefined): void {
  if (template !== undefined && template !== null) {
    throw new HotDeskError('template-not-allowed', `${CUSTOM_TEMPLATE_REFUSED} (got "${template.slice(0, 64)}")`, 'template');
  }
}

export function requireMac(input: string): Mac {
  const mac = parseMac(input);
  if (mac === null) throw new HotDeskError('validation', `"${input.slice(0, 40)}" is not a MAC address (like 02:00:00:00:00:01)`, 'mac');
  if (isZeroMac(mac)) throw new HotDeskError('validation', '00:00:00:00:00:00 is not a device MAC address', 'mac');
  return mac;
}

/**
 * The options after `patch`. `location` is always the short form of the dispatchable location; a patch that sets the
 * plain `location` string (the API before locations were structured) sets the location's free text.
 */
export function applyOptions(current: HotDeskOptions, patch: OptionsPatch | undefined): HotDeskOptions {
  if (!patch) return current;
  const { autoLogout, dispatchableLocation, location, ...rest } = patch;
  const where = { ...current.dispatchableLocation, ...definedFields(dispatchableLocation ?? {}), ...(location !== undefined ? { text: location } : {}) };
  return {
    ...current,
    ...(definedFields(rest) as Partial<HotDeskOptions>),
    autoLogout: { ...current.autoLogout, ...definedFields(autoLogout ?? {}) },
    dispatchableLocation: where,
    location: shortLocation(where),
  };
}

function definedFields<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}
