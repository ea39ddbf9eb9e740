import type { HotDesk } from '../core';
import type { SipStack } from '../sipStack';

/**
 * When each hot-desking device last registered — as its pool identity or as the user logged in on it — for the
 * console's "Last registration". Kept in memory while the PBX runs (a registration is live state, like the bindings),
 * so an offline device still shows when it was last seen. A user's registration is also a status change of the
 * device they are logged in on, pushed as such.
 */
export function trackRegistrationTimes(hotDesk: HotDesk, sip: Pick<SipStack, 'bindingsOf'>): { of(name: string): Date | null; stop(): void } {
  const last = new Map<string, number>();
  const record = (device: string, aor: string) => {
    for (const binding of sip.bindingsOf(aor)) last.set(device, Math.max(last.get(device) ?? 0, binding.registeredAt));
  };
  const stop = hotDesk.changes.subscribe((change) => {
    if (change.type === 'device.deleted') last.delete(change.name);
    if (change.type !== 'device.status') return;
    if (hotDesk.devices.get(change.name)) {
      record(change.name, change.name);
      return;
    }
    for (const device of hotDesk.devices.withSession(change.name)) {
      record(device.name, change.name);
      hotDesk.changes.emit({ type: 'device.status', name: device.name });
    }
  });
  return {
    of: (name) => {
      const at = last.get(name);
      return at === undefined ? null : new Date(at);
    },
    stop,
  };
}
