import { type DispatchableLocation, shortLocation } from '../../../../shared/domain/dispatchableLocation';
import { type Flow, getFrom, getHeader, serializeUri, type SipRequest } from '../../../sip';
import type { FlowIdentities } from '../registrar/flowIdentities';
import type { EmergencyCallEvent } from './emergencyCallEvent';
import { attachLocation, carriedLocation, conveysLocation } from './geolocation';
import { buildPidfLo } from './pidfLo';

/** A desk a SIP identity calls from: its device record and the user logged in there. */
export interface EmergencyDesk {
  device: { name: string; mac: string; location: DispatchableLocation };
  user: { extension: string; name: string } | null;
}

/** Where an emergency INVITE came from: its connection, and its From user when that registered over it. */
export interface EmergencyCaller {
  flowId: string;
  /** Null when the From user has not registered on this connection: a From header alone proves nothing. */
  registeredUser: string | null;
}

export interface EmergencyCallsOptions {
  domain: string;
  flowIdentities: Pick<FlowIdentities, 'has'>;
  /**
   * The desk a call comes from: the device whose connection `flowId` is (a logged-in user's too, and a device still
   * registered as a user who just logged out), else the device of `registeredUser` when that is a pool identity.
   */
  deskOf(caller: EmergencyCaller): EmergencyDesk | null;
  now(): Date;
  randomId(): string;
  onCall(event: EmergencyCallEvent): void;
}

/**
 * Emergency INVITEs as they arrive, before anything answers them: the desk's location goes with the call (unless the
 * phone sent its own) and the on-site notification goes out.
 */
export class EmergencyCalls {
  constructor(private readonly options: EmergencyCallsOptions) {}

  received(request: SipRequest, flow: Flow, number: string): void {
    const id = this.options.randomId();
    const at = this.options.now();
    const desk = this.deskOf(request, flow);
    let location: EmergencyCallEvent['location'] = null;
    if (conveysLocation(request)) {
      const carried = carriedLocation(request);
      if (carried?.ok) location = { short: shortLocation(carried.location), civic: carried.location, source: 'device' };
    } else if (desk) {
      const civic = desk.device.location;
      const pidf = buildPidfLo({ entity: `pres:${desk.device.name}@${this.options.domain}`, location: civic, deviceId: `mac:${desk.device.mac.replaceAll(':', '')}`, timestamp: at });
      attachLocation(request, pidf, `emergency-${id}@${this.options.domain}`);
      location = { short: shortLocation(civic), civic, source: 'pbx' };
    }
    const from = getFrom(request);
    const event: EmergencyCallEvent = {
      id,
      number,
      at: at.toISOString(),
      caller: from ? serializeUri(from.uri) : (getHeader(request, 'From') ?? 'unknown'),
      device: desk ? { name: desk.device.name, mac: desk.device.mac } : null,
      user: desk?.user ?? null,
      location,
    };
    try {
      this.options.onCall(event);
    } catch (error) {
      console.error('emergency call notification failed:', error);
    }
  }

  /** Only the connection, or an identity that registered over it, names the desk; a From header alone proves nothing. */
  private deskOf(request: SipRequest, flow: Flow): EmergencyDesk | null {
    const from = getFrom(request);
    const user = from?.uri.kind === 'sip' ? (from.uri.user ?? '') : '';
    const registeredUser = user && this.options.flowIdentities.has(flow.id, user) ? user : null;
    return this.options.deskOf({ flowId: flow.id, registeredUser });
  }
}
