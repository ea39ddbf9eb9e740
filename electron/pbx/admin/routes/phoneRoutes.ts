import { parseMac } from '../../../../shared/domain/mac';
import { deviceKeyFingerprint, HotDeskError } from '../../core';
import type { PendingPhone } from '../../store';
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

/**
 * The key Assign enrols the device to (README, "Device enrolment"): the one the phone proved, and — when the admin
 * passes the fingerprint read off the device — only if it is still that one.
 */
function enrolmentKey(phone: PendingPhone, confirmed: string | undefined): string {
  if (phone.publicKey === null) {
    throw new HotDeskError('conflict', `The phone ${phone.mac} proved no device key; only a phone that signs its plug-and-play request can be assigned`, 'mac');
  }
  const fingerprint = deviceKeyFingerprint(phone.publicKey);
  if (confirmed !== undefined && confirmed !== fingerprint) {
    throw new HotDeskError('conflict', `The phone ${phone.mac} now has the key ${fingerprint}, not ${confirmed}; check the device again`, 'fingerprint', { fingerprint });
  }
  return phone.publicKey;
}

export function phoneRoutes(context: ApiContext): Route[] {
  const { pendingPhones, devices, changes } = context.hotDesk;
  return [
    route({
      method: 'GET',
      path: `${API_PREFIX}/phones`,
      handle: () => ({ status: 200, json: { phones: pendingPhones.list().map((phone) => phoneDto(phone, devices.findByMac(phone.mac))) } }),
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
        const publicKey = enrolmentKey(phone, body.fingerprint);
        const { device: enrolled, rotated } = await devices.enrol(device.name, publicKey);
        await pendingPhones.remove(phone.mac);
        const detail = [phone.userAgent, `key ${deviceKeyFingerprint(publicKey)}`, rotated ? 're-enrolled: new token and pool credentials' : ''];
        await context.audit(actor, { kind: 'phone.assigned', device: device.name, mac: phone.mac, detail: detail.filter(Boolean).join('; ') });
        changes.emit({ type: 'phone.assigned', mac: phone.mac, device: device.name });
        callHook('onAssigned', context.hooks.onAssigned && (() => context.hooks.onAssigned?.(phone.mac, device.name)));
        // The device it replaces may still be registered with the old credentials: check-sync makes it find out.
        if (rotated) callHook('onDeviceChanged', context.hooks.onDeviceChanged && (() => context.hooks.onDeviceChanged?.(device.name)));
        return { status: 200, json: { mac: phone.mac, device: context.deviceDto(enrolled) } };
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
