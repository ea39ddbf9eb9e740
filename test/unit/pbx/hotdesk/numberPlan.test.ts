import { describe, expect, it } from 'vitest';
import { NumberPlan } from '../../../../electron/pbx/core/hotdesk/numberPlan';
import { DEFAULT_DIAL_CODES } from '../../../../shared/domain/dialCodes';
import { makeHotDesk } from './support';

async function planWith(dialCodes = DEFAULT_DIAL_CODES) {
  const { hotDesk } = await makeHotDesk();
  return new NumberPlan({
    extensions: () => hotDesk.extensions.list(),
    devices: () => hotDesk.devices.list(),
    serviceNumbers: () => new Map([['200', 'Echo test']]),
    dialCodes: () => dialCodes,
  });
}

describe('NumberPlan', () => {
  it('lists the default emergency numbers and every device’s own', async () => {
    const { hotDesk } = await makeHotDesk();
    await hotDesk.devices.update('HD0002', { options: { emergencyNumbers: ['118'] } });
    expect(hotDesk.numbers.emergencyNumbers()).toEqual(['911', '112', '999', '118']);
  });

  it('refuses as emergency numbers: extensions, service numbers, numbers overlapping a dial code', async () => {
    const plan = await planWith({ ...DEFAULT_DIAL_CODES, voicemail: '55' });
    expect(() => plan.checkEmergencyNumbers(['112', '101'])).toThrow('101 cannot be an emergency number: it is extension 101 (Bob Brown)');
    expect(() => plan.checkEmergencyNumbers(['200'])).toThrow('200 cannot be an emergency number: it is the number of the Echo test service');
    expect(() => plan.checkEmergencyNumbers(['551'])).toThrow('551 cannot be an emergency number: it is the voicemail dial code (55)');
    expect(() => plan.checkEmergencyNumbers(['112', '118'])).not.toThrow();
  });

  it('refuses as extensions: default and devices’ emergency numbers, service numbers', async () => {
    const plan = await planWith();
    expect(() => plan.checkExtensionNumber('999')).toThrow('999 is reserved: it is a default emergency number');
    expect(() => plan.checkExtensionNumber('200')).toThrow('200 is reserved: it is the number of the Echo test service');
    expect(() => plan.checkExtensionNumber('300')).not.toThrow();
  });
});
