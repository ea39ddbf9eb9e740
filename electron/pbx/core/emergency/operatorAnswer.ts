import { shortLocation } from '../../../../shared/domain/dispatchableLocation';
import type { SipRequest } from '../../../sip';
import { carriedLocation } from './geolocation';

/** What the demo emergency operator answers: the location the call carried, as a trainee should see it arrive. */
export function operatorAnswer(request: SipRequest): string {
  const carried = carriedLocation(request);
  if (!carried?.ok) return 'Emergency service (demo). No location was received with this call.';
  const { location } = carried;
  const street = [location.street, location.houseNumber].filter(Boolean).join(' ');
  const where = shortLocation(location) || [street, location.city, location.country].filter(Boolean).join(', ');
  return where ? `Emergency service (demo). Your location: ${where}` : 'Emergency service (demo). The location received is empty.';
}
