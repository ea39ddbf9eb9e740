import { randomBytes } from 'node:crypto';
import { systemClock } from '../../sip';
import { type DeskContact, type DeviceFlows, EmergencyCallbacks, type EmergencyCaller, type EmergencyCallsOptions, type EmergencyDesk, EmergencyNotifier, EmergencyRegistry, type HotDesk, type OutgoingCalls } from '../core';
import { type PromptLibrary, synthesizeSpeech } from '../media';
import type { Provisioning } from '../provisioning';
import type { SipStack } from '../sipStack';

export interface PbxEmergency {
  /** What the SIP stack needs to handle emergency INVITEs. */
  calls: Omit<EmergencyCallsOptions, 'flowIdentities'>;
  notifier: EmergencyNotifier;
  /** The calls of the last 30 minutes: callbacks, and the auto-logout they defer. */
  registry: EmergencyRegistry;
  /** The operator's callbacks, once SIP is up (connect). */
  callbacks(): EmergencyCallbacks | null;
  connect(sip: SipStack, outgoing: OutgoingCalls, provisioning: Pick<Provisioning, 'aorsOf'>, prompts: PromptLibrary): void;
}

/**
 * Emergency calls wired to the hot-desk data: the desk of a call is the device its connection belongs to (whoever is
 * logged in there); the notification goes to the event stream, the audit log and the configured webhook; the calls
 * are kept for the operator's callback.
 */
export function startEmergency(hotDesk: HotDesk, domain: string, flows: Pick<DeviceFlows, 'deviceOf' | 'flowsOf'>): PbxEmergency {
  const notifier = new EmergencyNotifier({ changes: hotDesk.changes, audit: hotDesk.audit, webhook: () => hotDesk.settings.get().emergencyWebhook });
  const registry = new EmergencyRegistry(() => systemClock.now());
  let callbacks: EmergencyCallbacks | null = null;
  return {
    notifier,
    registry,
    callbacks: () => callbacks,
    calls: {
      domain,
      deskOf: (caller) => deskOf(hotDesk, flows, caller),
      now: () => new Date(),
      randomId: () => randomBytes(9).toString('base64url'),
      onCall: (call) => {
        registry.record(call);
        notifier.notify(call);
      },
    },
    connect(sip, outgoing, provisioning, prompts) {
      callbacks = new EmergencyCallbacks({
        registry,
        deskContact: (name) => deskContact(hotDesk, sip, flows, provisioning, name),
        calls: outgoing,
        prompts,
        synthesize: synthesizeSpeech,
        changes: hotDesk.changes,
      });
    },
  };
}

/** The device of the call's connection, else the device whose pool identity registered over it. */
function deskOf(hotDesk: HotDesk, flows: Pick<DeviceFlows, 'deviceOf'>, caller: EmergencyCaller): EmergencyDesk | null {
  const name = flows.deviceOf(caller.flowId) ?? caller.registeredUser;
  const device = name === null ? null : hotDesk.devices.get(name);
  if (!device) return null;
  const session = device.session === null ? null : hotDesk.extensions.get(device.session.extension);
  return {
    device: { name: device.name, mac: device.mac, location: device.options.dispatchableLocation },
    user: session ? { extension: session.extension, name: session.name } : null,
  };
}

/**
 * The desk's registered phone, by device rather than by user: a binding of its pool identity, or of the identity
 * it is (or was just) provisioned as over one of the device's own connections — never another phone of that user.
 */
function deskContact(hotDesk: HotDesk, sip: SipStack, flows: Pick<DeviceFlows, 'flowsOf'>, provisioning: Pick<Provisioning, 'aorsOf'>, name: string): DeskContact | null {
  const deviceFlows = new Set(flows.flowsOf(name));
  const session = hotDesk.devices.get(name)?.session?.extension;
  for (const aor of new Set([...(session ? [session] : []), ...provisioning.aorsOf(name), name])) {
    for (const binding of sip.bindingsOf(aor)) {
      const flow = sip.transport.flowById(binding.flowId);
      if (flow && (aor === name || deviceFlows.has(binding.flowId))) return { flow, uri: binding.contactUri, aor };
    }
  }
  return null;
}
