import { classifyDialString } from '../../../../shared/domain/dialString';
import type { DialCodes } from '../../../../shared/domain/dialCodes';
import { AUTO_ANSWER_PARAM, PICKUP_STARTED_REASON } from '../../../../shared/sip/directedPickup';
import { type Flow, getFrom, type ServerTransaction, type SipRequest } from '../../../sip';
import type { LocalService } from '../localService';
import type { ForwardTarget, ProxyForwarder } from './proxyForwarder';

export interface DirectedPickupOptions {
  proxy: ProxyForwarder;
  /** host[:port] of the PBX, named in the auto-answer Call-Info. */
  viaHost: string;
  dialCodes(): DialCodes;
  emergencyNumbers(): readonly string[];
  /** The Call-ID of a call ringing at the extension (CallTracker). */
  ringingCallTo(extension: string): string | null;
  /** The call was handed to `picker` (CallTracker: the lamps move). */
  pickedUp(callId: string, picker: string): void;
  /** Where the picker's phones are registered. */
  targetsOf(user: string): ForwardTarget[];
}

/**
 * Directed pickup by dial code (`*20*<ext>`, shared/sip/directedPickup.ts): the core has authenticated the picker
 * before any service sees the INVITE, and idle hot-desk identities may not dial it (it is no emergency or hot-desk code).
 * Any extension may pick up any ringing extension's call — the PBX has one pickup group.
 */
export class DirectedPickup implements LocalService {
  constructor(private readonly options: DirectedPickupOptions) {}

  handleRequest(tx: ServerTransaction, request: SipRequest, _flow: Flow, user: string): boolean {
    if (request.method !== 'INVITE') return false;
    const intent = classifyDialString(user, { emergencyNumbers: this.options.emergencyNumbers(), dialCodes: this.options.dialCodes() });
    if (intent.kind !== 'pickup') return false;
    const fromUri = getFrom(request)?.uri;
    const picker = fromUri?.kind === 'sip' ? (fromUri.user ?? '') : '';
    const callId = intent.extension === null ? null : this.options.ringingCallTo(intent.extension);
    if (callId === null) {
      tx.respond(480, intent.extension === null ? 'Say whose call to pick up' : `Nothing is ringing at ${intent.extension}`);
      return true;
    }
    const targets = this.options.targetsOf(picker);
    // The picker's own call ends first, so its phone is free when the picked call arrives right after.
    tx.respond(480, PICKUP_STARTED_REASON);
    const autoAnswer = { name: 'Call-Info', value: `<sip:${this.options.viaHost}>;${AUTO_ANSWER_PARAM}=0` };
    if (this.options.proxy.addBranches(callId, targets, [autoAnswer])) this.options.pickedUp(callId, picker);
    return true;
  }

  handleInDialog(): boolean {
    return false;
  }

  handleAck(): boolean {
    return false;
  }

  handleCancel(): boolean {
    return false;
  }

  flowClosed(): void {}

  close(): void {}
}
