import {
  formatSipDate,
  getCallId,
  getContactExpires,
  getContacts,
  getCSeq,
  getExpires,
  getHeader,
  getTo,
  serializeUri,
  type SipRequest,
  type SipUri,
} from '../../../sip';
import type { Flow, ServerTransaction } from '../../../sip';
import type { AuthThrottle } from '../auth/authThrottle';
import { checkCredentials, refuseCredentials } from '../auth/checkCredentials';
import type { DigestAuth } from '../auth/digestAuth';
import { contactKey } from '../locations/contactKey';
import type { Binding, LocationStore } from '../locations/locationStore';
import type { FlowIdentities } from './flowIdentities';

const DEFAULT_EXPIRES = 600;
const MIN_EXPIRES = 60;
const MAX_EXPIRES = 3600;

export interface RegistrarEvents {
  onBindingAdded?(binding: Binding): void;
  onBindingRemoved?(binding: Binding, why: 'unregistered' | 'expired' | 'flow-closed'): void;
}

export interface RegistrarOptions {
  locations: LocationStore;
  auth: DigestAuth;
  throttle: AuthThrottle;
  flowIdentities: FlowIdentities;
  now: () => number;
  events?: RegistrarEvents;
}

/** REGISTER policy (RFC 3261 §10.3) over a location store. */
export class Registrar {
  constructor(private readonly options: RegistrarOptions) {}

  /** Answers a REGISTER; true when it was accepted (its contacts are bound to `flow`). */
  handle(tx: ServerTransaction, request: SipRequest, flow: Flow): boolean {
    const { auth, flowIdentities } = this.options;
    const verdict = checkCredentials(this.options, request, flow, getHeader(request, 'Authorization'));
    if (verdict.kind !== 'ok') {
      refuseCredentials(tx, verdict, auth, 401);
      return false;
    }
    const to = getTo(request);
    const aor = to?.uri.kind === 'sip' ? to.uri.user : undefined;
    if (aor !== verdict.user) {
      // §10.3 step 3: the authenticated user must be allowed to modify this address-of-record.
      tx.respond(403, 'Authenticated user does not match the To address');
      return false;
    }
    flowIdentities.add(flow.id, aor);
    const outcome = this.applyContacts(request, aor, flow);
    if (outcome.error) {
      tx.respond(outcome.error.status, outcome.error.reason, { headers: outcome.error.headers ?? [] });
      return false;
    }
    const now = this.options.now();
    const headers = this.options.locations.lookup(aor, now).map((binding) => ({
      name: 'Contact',
      value: `<${binding.contact}>;expires=${Math.max(0, Math.round((binding.expiresAt - now) / 1000))}`,
    }));
    headers.push({ name: 'Date', value: formatSipDate(new Date(now)) });
    tx.respond(200, undefined, { headers });
    return true;
  }

  /** Bindings whose flow closed are gone: a WebSocket client cannot be reached any other way (RFC 7118 §5). */
  flowClosed(flowId: string): void {
    for (const binding of this.options.locations.removeFlow(flowId)) this.options.events?.onBindingRemoved?.(binding, 'flow-closed');
  }

  /**
   * Removes `aor`'s bindings made over `flowId` and forgets that the user authenticated there (a hot-desk logout:
   * the device is no longer the user's phone). Returns the removed bindings.
   */
  dropUserOnFlow(aor: string, flowId: string): Binding[] {
    const { locations, flowIdentities, events } = this.options;
    flowIdentities.remove(flowId, aor);
    const removed = locations
      .lookup(aor, Number.NEGATIVE_INFINITY)
      .filter((binding) => binding.flowId === flowId)
      .flatMap((binding) => locations.remove(aor, binding.key) ?? []);
    for (const binding of removed) events?.onBindingRemoved?.(binding, 'unregistered');
    return removed;
  }

  expire(): void {
    for (const binding of this.options.locations.expire(this.options.now())) this.options.events?.onBindingRemoved?.(binding, 'expired');
  }

  private applyContacts(
    request: SipRequest,
    aor: string,
    flow: Flow,
  ): { error?: { status: number; reason?: string; headers?: Array<{ name: string; value: string }> } } {
    const contacts = getContacts(request);
    const callId = getCallId(request) ?? '';
    const cseq = getCSeq(request)?.seq ?? 0;
    const headerExpires = getExpires(request);
    const { locations, events } = this.options;
    const now = this.options.now();
    if (!contacts) return { error: { status: 400, reason: 'Malformed Contact' } };
    if (contacts.wildcard) {
      // §10.3 step 6: "*" only alone and with Expires: 0.
      if (contacts.contacts.length > 0 || headerExpires !== 0) return { error: { status: 400, reason: 'Contact: * needs Expires: 0 and no other contact' } };
      for (const binding of locations.lookup(aor, now)) {
        if (binding.callId === callId && cseq <= binding.cseq) continue;
        locations.remove(aor, binding.key);
        events?.onBindingRemoved?.(binding, 'unregistered');
      }
      return {};
    }
    const planned: Array<{ uri: SipUri; expires: number }> = [];
    for (const contact of contacts.contacts) {
      if (contact.uri.kind !== 'sip') return { error: { status: 400, reason: 'Contacts must be SIP URIs' } };
      const requested = getContactExpires(contact) ?? headerExpires ?? DEFAULT_EXPIRES;
      if (requested > 0 && requested < MIN_EXPIRES) {
        return { error: { status: 423, headers: [{ name: 'Min-Expires', value: String(MIN_EXPIRES) }] } };
      }
      planned.push({ uri: contact.uri, expires: Math.min(requested, MAX_EXPIRES) });
    }
    for (const { uri } of planned) {
      const existing = locations.find(aor, contactKey(uri));
      if (existing && existing.callId === callId && cseq <= existing.cseq) {
        return { error: { status: 500, reason: 'Out of order REGISTER (CSeq not higher)' } };
      }
    }
    for (const { uri, expires } of planned) {
      const key = contactKey(uri);
      if (expires === 0) {
        const removed = locations.remove(aor, key);
        if (removed) events?.onBindingRemoved?.(removed, 'unregistered');
        continue;
      }
      const binding: Binding = {
        aor,
        key,
        contact: serializeUri(uri),
        contactUri: uri,
        flowId: flow.id,
        callId,
        cseq,
        expiresAt: now + expires * 1000,
        registeredAt: locations.find(aor, key)?.registeredAt ?? now,
        userAgent: getHeader(request, 'User-Agent') ?? '',
      };
      locations.put(binding);
      events?.onBindingAdded?.(binding);
    }
    return {};
  }
}

