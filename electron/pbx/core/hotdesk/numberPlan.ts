import type { DialCodes } from '../../../../shared/domain/dialCodes';
import { DEFAULT_HOT_DESK_OPTIONS } from '../../../../shared/contracts';
import type { DeviceRecord, ExtensionRecord } from '../../store';
import { DIAL_CODE_LABELS } from './dialCodeRepository';
import { HotDeskError } from './hotDeskErrors';

export interface NumberPlanSources {
  extensions(): readonly ExtensionRecord[];
  devices(): readonly DeviceRecord[];
  /** The PBX's own services by number (its bots: 0 Reception, 200 Echo test…). */
  serviceNumbers(): ReadonlyMap<string, string>;
  dialCodes(): DialCodes;
}

/**
 * One number means one thing. An emergency number that is also an extension would send that user's calls to the
 * emergency operator (emergency numbers are matched first, on every device); one that is a service number or
 * overlaps a dial code would shadow it. Both directions are refused, naming what the number already is.
 */
export class NumberPlan {
  constructor(private readonly sources: NumberPlanSources) {}

  /** Every emergency number in use: the default ones and each device's own. */
  emergencyNumbers(): string[] {
    return [...new Set([...DEFAULT_HOT_DESK_OPTIONS.emergencyNumbers, ...this.sources.devices().flatMap((device) => device.options.emergencyNumbers)])];
  }

  /** Throws `conflict` (field `options.emergencyNumbers`) for the first number that is already something else. */
  checkEmergencyNumbers(numbers: readonly string[]): void {
    for (const number of numbers) {
      const clash = this.nonEmergencyUse(number);
      if (clash) {
        throw new HotDeskError('conflict', `${number} cannot be an emergency number: it is ${clash}`, 'options.emergencyNumbers', { number, clash });
      }
    }
  }

  /** Throws `conflict` (field `extension`) when the number is an emergency or service number. */
  checkExtensionNumber(number: string): void {
    const devices = this.sources.devices().filter((device) => device.options.emergencyNumbers.includes(number));
    const service = this.sources.serviceNumbers().get(number);
    const clash = DEFAULT_HOT_DESK_OPTIONS.emergencyNumbers.includes(number)
      ? 'a default emergency number'
      : devices.length > 0
        ? `an emergency number of ${devices.map((device) => device.name).join(', ')}`
        : service !== undefined
          ? `the number of the ${service} service`
          : null;
    if (clash) throw new HotDeskError('conflict', `${number} is reserved: it is ${clash}`, 'extension', { number, clash });
  }

  private nonEmergencyUse(number: string): string | null {
    const extension = this.sources.extensions().find((record) => record.extension === number);
    if (extension) return `extension ${number} (${extension.name})`;
    const service = this.sources.serviceNumbers().get(number);
    if (service !== undefined) return `the number of the ${service} service`;
    const codes = this.sources.dialCodes();
    const code = (Object.keys(codes) as Array<keyof DialCodes>).find((key) => number.startsWith(codes[key]) || codes[key].startsWith(number));
    return code === undefined ? null : `the ${DIAL_CODE_LABELS[code]} dial code (${codes[code]})`;
  }
}
