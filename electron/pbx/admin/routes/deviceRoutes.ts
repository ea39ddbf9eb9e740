import { type DevicePatch, HotDeskError } from '../../core';
import { isPoolName } from '../../../../shared/domain/poolName';
import { callHook, type ApiContext } from '../apiContext';
import { API_PREFIX, route, type Route } from '../router';
import { deviceCreateSchema, devicePatchSchema } from '../schemas';

function deviceOr404(context: ApiContext, name: string | undefined) {
  const device = name !== undefined && isPoolName(name) ? context.hotDesk.devices.get(name) : null;
  if (!device) throw new HotDeskError('not-found', `No hot-desking device ${String(name).slice(0, 40)}`);
  return device;
}

/** Which fields a PATCH touched, for the audit trail (values are not logged). */
function touched(patch: object): string {
  return Object.keys(patch).join(', ');
}

export function deviceRoutes(context: ApiContext): Route[] {
  const { devices } = context.hotDesk;
  return [
    route({
      method: 'GET',
      path: `${API_PREFIX}/devices`,
      handle: () => ({ status: 200, json: { devices: devices.list().map(context.deviceDto) } }),
    }),
    route({
      method: 'POST',
      path: `${API_PREFIX}/devices`,
      body: deviceCreateSchema,
      async handle({ body, actor }) {
        const device = await devices.create(body);
        await context.audit(actor, { kind: 'device.created', device: device.name, mac: device.mac });
        return { status: 201, json: context.deviceDto(device), headers: { Location: `${API_PREFIX}/devices/${device.name}` } };
      },
    }),
    route({
      method: 'GET',
      path: `${API_PREFIX}/devices/{name}`,
      handle: ({ params }) => ({ status: 200, json: context.deviceDto(deviceOr404(context, params.name)) }),
    }),
    route({
      method: 'PATCH',
      path: `${API_PREFIX}/devices/{name}`,
      body: devicePatchSchema,
      async handle({ params, body, actor }) {
        const name = deviceOr404(context, params.name).name;
        const { device, provisioningChanged } = await devices.update(name, body as DevicePatch);
        if (provisioningChanged) {
          await context.audit(actor, { kind: 'device.updated', device: name, mac: device.mac, detail: touched(body) });
          callHook('onDeviceChanged', context.hooks.onDeviceChanged && (() => context.hooks.onDeviceChanged?.(name)));
        }
        return { status: 200, json: context.deviceDto(device) };
      },
    }),
    route({
      method: 'DELETE',
      path: `${API_PREFIX}/devices/{name}`,
      async handle({ params, actor }) {
        const removed = await devices.remove(deviceOr404(context, params.name).name);
        await context.audit(actor, { kind: 'device.deleted', device: removed.name, mac: removed.mac });
        callHook('onDeviceChanged', context.hooks.onDeviceChanged && (() => context.hooks.onDeviceChanged?.(removed.name)));
        return { status: 204 };
      },
    }),
    route({
      method: 'POST',
      path: `${API_PREFIX}/devices/{name}/logout`,
      async handle({ params, actor }) {
        const device = deviceOr404(context, params.name);
        // The hook records the logout in the login history (who ended it: the administrator) and pushes device.status.
        const outcome = context.hooks.logout ? await context.hooks.logout(device.name, actor) : 'not-logged-in';
        if (outcome === 'not-logged-in') throw new HotDeskError('not-logged-in', `${device.name} is not logged in`);
        return { status: 200, json: context.deviceDto(context.hotDesk.devices.get(device.name) ?? device) };
      },
    }),
  ];
}
