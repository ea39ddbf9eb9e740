import { parseMac } from '../../../../shared/domain/mac';
import { HotDeskError } from '../../core';
import { callHook, type ApiContext } from '../apiContext';
import { phoneDto } from '../dto';
import { API_PREFIX, route, type Route } from '../router';
import { phoneAssignSchema } from '../schemas';

function pendingOr404(context: ApiContext, rawMac: string | undefined) {
  const mac = parseMac(rawMac ?? '');
  const phone = mac === null ? null : context.hotDesk.pendingPhones.get(mac);
  if (!phone) throw new HotDeskError('not-found', `No pending phone with MAC ${String(rawMac).slice(0, 40)}`);
  return phone;
}

export function phoneRoutes(context: ApiContext): Route[] {
  const { pendingPhones, devices, changes } = context.hotDesk;
  return [
    route({
      method: 'GET',
      path: `${API_PREFIX}/phones`,
      handle: () => ({ status: 200, json: { phones: pendingPhones.list().map((phone) => phoneDto(phone, devices.findByMac(phone.mac)?.name ?? null)) } }),
    }),
    route({
      method: 'POST',
      path: `${API_PREFIX}/phones/{mac}/assign`,
      body: phoneAssignSchema,
      async handle({ params, body, actor }) {
        const phone = pendingOr404(context, params.mac);
        const device = devices.get(body.device);
        if (!device) throw new HotDeskError('not-found', `No hot-desking device ${body.device}`, 'device');
        if (device.mac !== phone.mac) {
          throw new HotDeskError(
            'conflict',
            `${device.name} is set up for MAC ${device.mac}, not for this phone (${phone.mac}); change ${device.name}'s MAC or create a device for ${phone.mac} first`,
            'device',
            { deviceMac: device.mac, phoneMac: phone.mac },
          );
        }
        await pendingPhones.remove(phone.mac);
        await context.audit(actor, { kind: 'phone.assigned', device: device.name, mac: phone.mac, detail: phone.userAgent || null });
        changes.emit({ type: 'phone.assigned', mac: phone.mac, device: device.name });
        callHook('onAssigned', context.hooks.onAssigned && (() => context.hooks.onAssigned?.(phone.mac, device.name)));
        return { status: 200, json: { mac: phone.mac, device: context.deviceDto(device) } };
      },
    }),
    route({
      method: 'DELETE',
      path: `${API_PREFIX}/phones/{mac}`,
      async handle({ params, actor }) {
        const phone = pendingOr404(context, params.mac);
        await pendingPhones.remove(phone.mac);
        await context.audit(actor, { kind: 'phone.dismissed', mac: phone.mac });
        return { status: 204 };
      },
    }),
  ];
}
