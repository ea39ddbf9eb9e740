import { dispatchableLocationSchema, type DispatchableLocation } from '../../../../shared/domain/dispatchableLocation';
import { isZeroMac, parseMac } from '../../../../shared/domain/mac';

/** The Add device form as typed: every value a string. */
export interface DeviceFormValues {
  mac: string;
  provisioning: 'pnp' | 'url';
  sbcHost: string;
  sbcPort: string;
  /** A custom provisioning template: refused by the API for hot-desking devices, sent so that it says so. */
  template: string;
  location: DispatchableLocation;
}

/** The fields of the location the form asks for, in order, with their labels. */
export const LOCATION_FIELDS: ReadonlyArray<{ key: keyof DispatchableLocation; label: string }> = [
  { key: 'site', label: 'Site' },
  { key: 'building', label: 'Building' },
  { key: 'floor', label: 'Floor' },
  { key: 'room', label: 'Room' },
  { key: 'desk', label: 'Desk' },
  { key: 'street', label: 'Street' },
  { key: 'houseNumber', label: 'House number' },
  { key: 'city', label: 'City' },
  { key: 'region', label: 'Region' },
  { key: 'country', label: 'Country code' },
  { key: 'text', label: 'Other location details' },
];

/** Form errors by the API's field path (`mac`, `sbc.port`, `options.dispatchableLocation.floor`). */
export type FieldErrors = Record<string, string>;

export interface DeviceCreateBody {
  mac: string;
  provisioning: 'pnp' | 'url';
  sbc: { host: string; port: number } | null;
  template?: string;
  options: { dispatchableLocation: Partial<DispatchableLocation> };
}

export const locationPath = (key: keyof DispatchableLocation) => `options.dispatchableLocation.${key}`;

/**
 * Checks the form as far as the page can (the API checks it all again and its errors are shown the same way) and
 * builds the request body. The location's rules are the API's own schema.
 */
export function deviceFormToBody(values: DeviceFormValues): { body: DeviceCreateBody | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const mac = parseMac(values.mac.trim());
  if (values.mac.trim() === '') errors.mac = 'Enter the MAC address';
  else if (mac === null || isZeroMac(mac)) errors.mac = 'Not a MAC address (like 02:00:00:00:0a:01)';
  const sbc = parseSbc(values.sbcHost.trim(), values.sbcPort.trim(), errors);
  const location = dispatchableLocationSchema.safeParse(values.location);
  if (!location.success) for (const issue of location.error.issues) errors[locationPath(issue.path[0] as keyof DispatchableLocation)] ??= issue.message;
  if (Object.keys(errors).length > 0 || mac === null || !location.success) return { body: null, errors };
  const given = Object.fromEntries(Object.entries(location.data).filter(([, value]) => value !== '')) as Partial<DispatchableLocation>;
  return {
    body: {
      mac,
      provisioning: values.provisioning,
      sbc,
      ...(values.template.trim() === '' ? {} : { template: values.template.trim() }),
      options: { dispatchableLocation: given },
    },
    errors,
  };
}

function parseSbc(host: string, port: string, errors: FieldErrors): { host: string; port: number } | null {
  if (host === '' && port === '') return null;
  if (host === '') errors['sbc.host'] = 'Enter the SBC address, or clear the port';
  else if (host.length > 253 || /[\s/]/.test(host)) errors['sbc.host'] = 'Not a host name or address';
  const number = Number(port);
  if (port === '') errors['sbc.port'] = 'Enter the SBC port (1–65535)';
  else if (!/^[0-9]+$/.test(port) || number < 1 || number > 65_535) errors['sbc.port'] = 'Must be a port number from 1 to 65535';
  return errors['sbc.host'] || errors['sbc.port'] ? null : { host, port: number };
}
