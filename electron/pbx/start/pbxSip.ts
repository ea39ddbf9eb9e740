import { randomIds, systemClock, type TransactionLayer } from '../../sip';
import { BotService, type BotServiceOptions, CheckSync, type DeviceProofVerifier, type EmergencyCallReport, type HotDesk, HotDeskCodeService, type LocalCallObserver, OutgoingCalls, UaProfileService } from '../core';
import { type PromptLibrary, synthesizeSpeech } from '../media';
import type { Provisioning } from '../provisioning';
import { SipStack } from '../sipStack';
import { type PbxDirectory, recordPendingPhone } from './pbxDirectory';
import type { PbxEmergency } from './pbxEmergency';
import type { PbxHotDesk } from './pbxHotDesk';

/** The PBX's own services, in the order the core asks them; the last places the PBX's own calls (callbacks). */
export type PbxServices = readonly [UaProfileService, BotService, HotDeskCodeService, OutgoingCalls];

export interface PbxSipOptions {
  /** The PBX's address: Via, Record-Route, Contact and media. */
  host: string;
  domain: string;
  directory: PbxDirectory;
  prompts: PromptLibrary;
  provisioning: Provisioning;
  /** Checks the device-key proofs of plug-and-play SUBSCRIBEs; the one provisioning HTTP uses too. */
  proofs: DeviceProofVerifier;
  /** Host names browser pages may open `/sip` from besides the Host they connect to. */
  originHosts: () => readonly string[];
  hotDesk: Pick<PbxHotDesk, 'logins' | 'flows'>;
  onEmergencyCall?: BotServiceOptions['onEmergencyCall'];
  emergency: PbxEmergency;
}

/**
 * The SIP stack with the plug-and-play notifier, the bots and the hot-desk codes; bindings coming and going are device
 * status changes, and tell which connections are a device's.
 */
export function startSip(options: PbxSipOptions): SipStack<PbxServices> {
  const { hotDesk, accounts, emergencyNumbers } = options.directory;
  const { flows } = options.hotDesk;
  return new SipStack({
    accounts,
    viaHost: options.host,
    domain: options.domain,
    services: (layer, calls) => [uaProfileService(layer, hotDesk, options), botService(layer, calls, options), hotDeskCodeService(layer, calls, hotDesk, options), outgoingCalls(layer, calls, options)] as const,
    emergencyNumbers,
    emergency: options.emergency.calls,
    dialCodes: () => hotDesk.dialCodes.get(),
    allowedOriginHosts: options.originHosts,
    registrarEvents: {
      onBindingAdded: (binding) => {
        if (hotDesk.devices.get(binding.aor)) flows.poolSeen(binding.aor, binding.flowId);
        else flows.userRegistered(binding.aor, binding.flowId);
        hotDesk.changes.emit({ type: 'device.status', name: binding.aor });
      },
      onBindingRemoved: (binding) => hotDesk.changes.emit({ type: 'device.status', name: binding.aor }),
    },
  });
}

/** check-sync NOTIFYs to the phones registered as a device's identities. */
export function startCheckSync(sip: SipStack, options: Pick<PbxSipOptions, 'host' | 'domain' | 'provisioning'>): CheckSync {
  return new CheckSync({
    layer: sip.layer,
    clock: systemClock,
    ids: randomIds,
    domain: options.domain,
    viaHost: options.host,
    bindingsOf: (aor) => sip.bindingsOf(aor),
    flows: sip.transport,
    aorsOf: (name) => options.provisioning.aorsOf(name),
  });
}

function uaProfileService(layer: TransactionLayer, hotDesk: HotDesk, options: PbxSipOptions): UaProfileService {
  return new UaProfileService({
    layer,
    clock: systemClock,
    ids: randomIds,
    viaHost: options.host,
    directory: {
      findDeviceByMac: (mac) => {
        const device = hotDesk.devices.findByMac(mac);
        return device ? { name: device.name, publicKey: device.key?.publicKey ?? null } : null;
      },
      recordPendingPhone: ({ at, ...phone }) => recordPendingPhone(hotDesk, { ...phone, seenAt: at }),
      provisioningUrl: (name) => options.provisioning.urlFor(name),
    },
    proofs: options.proofs,
  });
}

/** What the services that answer calls themselves (bots, IVR) have in common. */
function answering(layer: TransactionLayer, calls: LocalCallObserver, options: PbxSipOptions) {
  return { layer, calls, clock: systemClock, ids: randomIds, viaHost: options.host, domain: options.domain, mediaAddress: options.host, prompts: options.prompts };
}

function hotDeskCodeService(layer: TransactionLayer, calls: LocalCallObserver, hotDesk: HotDesk, options: PbxSipOptions): HotDeskCodeService {
  return new HotDeskCodeService({
    ...answering(layer, calls, options),
    dialCodes: () => hotDesk.dialCodes.get(),
    emergencyNumbers: options.directory.emergencyNumbers,
    logins: options.hotDesk.logins,
    flows: options.hotDesk.flows,
    isPoolIdentity: (user) => hotDesk.devices.get(user) !== null,
  });
}

function outgoingCalls(layer: TransactionLayer, calls: LocalCallObserver, options: PbxSipOptions): OutgoingCalls {
  const { prompts: _prompts, calls: _calls, ...placing } = answering(layer, calls, options);
  return new OutgoingCalls(placing);
}

function botService(layer: TransactionLayer, calls: LocalCallObserver, options: PbxSipOptions): BotService {
  return new BotService({
    ...answering(layer, calls, options),
    emergencyNumbers: options.directory.emergencyNumbers,
    onEmergencyCall: options.onEmergencyCall ?? logEmergencyCall,
    synthesize: synthesizeSpeech,
  });
}

/** The default on-site notification: the PBX's log. */
function logEmergencyCall(call: EmergencyCallReport): void {
  const what = `EMERGENCY CALL to ${call.number} from ${call.caller} at ${call.at.toISOString()}`;
  if (call.phase === 'arrived') console.warn(what);
  else if (call.phase === 'answered') console.warn(`${what}: answered by the demo operator`);
  else console.error(`${what}: FAILED, not answered (${call.failure?.status ?? 0} ${call.failure?.reason ?? ''})`);
}
