import { HotDeskError } from '../../core';
import type { ApiContext } from '../apiContext';
import { API_PREFIX, route, type Route } from '../router';

/** Emergency call ids are 12 base64url characters (9 random bytes). */
const CALL_ID = /^[A-Za-z0-9_-]{1,32}$/;

export function emergencyRoutes(context: ApiContext): Route[] {
  return [
    route({
      method: 'POST',
      path: `${API_PREFIX}/emergency/{id}/callback`,
      async handle({ params, actor }) {
        const id = params.id ?? '';
        const request = CALL_ID.test(id) && context.hooks.emergencyCallback ? context.hooks.emergencyCallback(id) : { kind: 'unknown' as const };
        if (request.kind === 'unknown') throw new HotDeskError('not-found', 'No emergency call with this id in the last 30 minutes');
        const device = context.hotDesk.devices.get(request.device);
        const audited = { kind: 'emergency.callback', device: request.device, mac: device?.mac ?? null };
        if (request.kind === 'offline' || request.kind === 'calling') {
          const why = request.kind === 'offline' ? 'is offline: its phone is not registered' : 'is being called back already';
          await context.audit(actor, { ...audited, detail: `call ${id}: refused, the desk ${why}` });
          throw new HotDeskError('conflict', `${request.device} ${why}`);
        }
        await context.audit(actor, { ...audited, detail: `call ${id} to ${request.call.number}: ringing the desk as ${request.as}` });
        return { status: 202, json: { callId: id, device: request.device, ringing: request.as } };
      },
    }),
  ];
}
