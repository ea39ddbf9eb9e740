import { emergencyCallPayload, type HotDeskChange } from '../../core';
import type { ApiContext } from '../apiContext';
import { extensionDto, phoneDto, promptSetDto } from '../dto';
import { ApiError } from '../http/apiError';
import { API_PREFIX, route, type Route } from '../router';

/** The event's data: what changed, with the changed item as the API would show it now (null once deleted). */
export function changePayload(context: ApiContext, change: HotDeskChange): Record<string, unknown> {
  const { devices, pendingPhones, extensions } = context.hotDesk;
  switch (change.type) {
    case 'device.created':
    case 'device.updated':
    case 'device.deleted':
    case 'device.status': {
      const device = devices.get(change.name);
      return { ...change, item: device ? context.deviceDto(device) : null };
    }
    case 'phone.pending':
    case 'phone.removed':
    case 'phone.assigned': {
      const phone = pendingPhones.get(change.mac);
      return { ...change, item: phone ? phoneDto(phone, devices.findByMac(phone.mac)) : null };
    }
    case 'extension.created':
    case 'extension.updated':
    case 'extension.deleted':
    case 'extension.locked': {
      const record = extensions.get(change.extension);
      return { ...change, item: record ? extensionDto(record, context.hotDesk.now()) : null };
    }
    case 'prompts.updated':
      return { ...change, item: promptSetDto(context.prompts.describe()) };
    case 'emergency-call':
      // The same JSON the emergency webhook receives.
      return { ...emergencyCallPayload(change.call) };
    default:
      return { ...change };
  }
}

export function eventRoutes(context: ApiContext): Route[] {
  return [
    route({
      method: 'GET',
      path: `${API_PREFIX}/events`,
      handle({ req, res, session }) {
        if (!context.streams.open(req, res, session?.key ?? null)) throw new ApiError(503, 'too-many-streams', 'Too many open event streams; close one and retry', { headers: { 'Retry-After': '10' } });
        return { streaming: true };
      },
    }),
  ];
}
