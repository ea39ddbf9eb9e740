import { describe, expect, it } from 'vitest';
import { EMPTY_DISPATCHABLE_LOCATION } from '../../../../shared/domain/dispatchableLocation';
import { deviceFormToBody, type DeviceFormValues } from '../../../../renderer/admin/pages/hotDesking/deviceForm';

const form = (patch: Partial<DeviceFormValues> = {}): DeviceFormValues => ({
  mac: '02-00-00-00-0A-01',
  provisioning: 'pnp',
  sbcHost: '',
  sbcPort: '',
  template: '',
  location: EMPTY_DISPATCHABLE_LOCATION,
  ...patch,
});

describe('the Add device form', () => {
  it('builds the body: the MAC in canonical form, no SBC when both fields are empty, only the location parts given', () => {
    const { body, errors } = deviceFormToBody(form({ location: { ...EMPTY_DISPATCHABLE_LOCATION, floor: '3', desk: '7' } }));
    expect(errors).toEqual({});
    expect(body).toEqual({ mac: '02:00:00:00:0a:01', provisioning: 'pnp', sbc: null, options: { dispatchableLocation: { floor: '3', desk: '7' } } });
  });

  it('takes an SBC address and port, and passes a custom template on for the API to refuse', () => {
    const { body } = deviceFormToBody(form({ provisioning: 'url', sbcHost: ' sbc.example.com ', sbcPort: '5061', template: 'custom' }));
    expect(body).toMatchObject({ provisioning: 'url', sbc: { host: 'sbc.example.com', port: 5061 }, template: 'custom' });
  });

  it('names every wrong field by the path the API uses, and builds no body', () => {
    const { body, errors } = deviceFormToBody(form({ mac: '02:00:00', sbcPort: '70000', location: { ...EMPTY_DISPATCHABLE_LOCATION, country: 'usa' } }));
    expect(body).toBeNull();
    expect(Object.keys(errors).sort()).toEqual(['mac', 'options.dispatchableLocation.country', 'sbc.host', 'sbc.port']);
    expect(errors['options.dispatchableLocation.country']).toBe('must be a two-letter country code like US');
    expect(deviceFormToBody(form({ mac: '' })).errors.mac).toBe('Enter the MAC address');
    expect(deviceFormToBody(form({ mac: '00:00:00:00:00:00' })).errors.mac).toMatch(/Not a MAC/);
    expect(deviceFormToBody(form({ sbcHost: 'sbc.example.com' })).errors).toEqual({ 'sbc.port': 'Enter the SBC port (1–65535)' });
  });
});
