import { systemClock } from '../../sip';
import { type CheckSync, DeviceFlows, type HotDesk, HotDeskLogins } from '../core';
import type { SipStack } from '../sipStack';

export interface PbxHotDesk {
  logins: HotDeskLogins;
  /** Which connections are which device's (fed by the registrar's events and the login IVR). */
  flows: DeviceFlows;
  /** The SIP side logins act on: check-sync to the device, and dropping a logged-out user's registrations from it. */
  connect(sip: SipStack, checkSync: CheckSync): void;
}

/**
 * Hot-desk login and logout over the device records. It starts before SIP (the login IVR and the logout route need
 * it) and acts on SIP once `connect` hands it the stack; no login can happen before, as no call has arrived.
 */
export function startHotDesk(hotDesk: HotDesk): PbxHotDesk {
  const flows = new DeviceFlows(() => systemClock.now());
  let sipSide: { sip: SipStack; checkSync: CheckSync } | null = null;
  const logins = new HotDeskLogins({
    hotDesk,
    now: () => hotDesk.now().getTime(),
    // CheckSync.send picks its targets at once, before onSessionEnded drops the user's registrations.
    reprovision: (name, formerUser) => void sipSide?.checkSync.send(name, formerUser === null ? [] : [formerUser]),
    onSessionStarted: (name, extension) => flows.expectRegistration(name, extension),
    onSessionEnded: (name, extension) => {
      flows.sessionEnded(name, extension);
      sipSide?.sip.dropRegistrations(extension, flows.flowsOf(name));
    },
  });
  // The decoy PIN hash is made now, so that the first check of an unknown extension costs no more than any other.
  void hotDesk.extensions.warmUp();
  return {
    logins,
    flows,
    connect: (sip, checkSync) => {
      sipSide = { sip, checkSync };
    },
  };
}
