import { randomBytes } from 'node:crypto';
import { type EmergencyCallsOptions, type EmergencyDesk, EmergencyNotifier, type HotDesk } from '../core';

export interface PbxEmergency {
  /** What the SIP stack needs to handle emergency INVITEs. */
  calls: Omit<EmergencyCallsOptions, 'flowIdentities'>;
  notifier: EmergencyNotifier;
}

/**
 * Emergency calls wired to the hot-desk data: the desk of a pool identity is its device; the notification goes to
 * the event stream, the audit log and the configured webhook.
 */
export function startEmergency(hotDesk: HotDesk, domain: string): PbxEmergency {
  const notifier = new EmergencyNotifier({ changes: hotDesk.changes, audit: hotDesk.audit, webhook: () => hotDesk.settings.get().emergencyWebhook });
  return {
    notifier,
    calls: {
      domain,
      deskOf: (user) => deskOf(hotDesk, user),
      now: () => new Date(),
      randomId: () => randomBytes(9).toString('base64url'),
      onCall: (call) => notifier.notify(call),
    },
  };
}

function deskOf(hotDesk: HotDesk, user: string): EmergencyDesk | null {
  const device = hotDesk.devices.get(user);
  return device ? { device: { name: device.name, mac: device.mac, location: device.options.dispatchableLocation }, user: null } : null;
}
