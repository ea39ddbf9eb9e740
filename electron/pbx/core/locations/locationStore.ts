import type { SipUri } from '../../../sip';

/** One contact registered for an address-of-record (RFC 3261 §10), bound to the flow it registered over. */
export interface Binding {
  readonly aor: string;
  /** Comparison key of the contact URI (scheme, user, host, port, transport). */
  readonly key: string;
  readonly contact: string;
  readonly contactUri: SipUri;
  readonly flowId: string;
  readonly callId: string;
  readonly cseq: number;
  readonly expiresAt: number;
  readonly registeredAt: number;
  readonly userAgent: string;
}

/** Where bindings live (Kamailio's usrloc to the registrar's policy): storage only, no SIP rules. */
export interface LocationStore {
  lookup(aor: string, now: number): Binding[];
  find(aor: string, key: string): Binding | undefined;
  put(binding: Binding): void;
  remove(aor: string, key: string): Binding | undefined;
  removeFlow(flowId: string): Binding[];
  expire(now: number): Binding[];
  count(): number;
}

export class InMemoryLocationStore implements LocationStore {
  private readonly byAor = new Map<string, Map<string, Binding>>();
  private readonly byFlow = new Map<string, Set<Binding>>();

  lookup(aor: string, now: number): Binding[] {
    return [...(this.byAor.get(aor)?.values() ?? [])].filter((binding) => binding.expiresAt > now);
  }

  find(aor: string, key: string): Binding | undefined {
    return this.byAor.get(aor)?.get(key);
  }

  put(binding: Binding): void {
    this.remove(binding.aor, binding.key);
    let contacts = this.byAor.get(binding.aor);
    if (!contacts) this.byAor.set(binding.aor, (contacts = new Map()));
    contacts.set(binding.key, binding);
    let flowBindings = this.byFlow.get(binding.flowId);
    if (!flowBindings) this.byFlow.set(binding.flowId, (flowBindings = new Set()));
    flowBindings.add(binding);
  }

  remove(aor: string, key: string): Binding | undefined {
    const contacts = this.byAor.get(aor);
    const binding = contacts?.get(key);
    if (!contacts || !binding) return undefined;
    contacts.delete(key);
    if (contacts.size === 0) this.byAor.delete(aor);
    const flowBindings = this.byFlow.get(binding.flowId);
    flowBindings?.delete(binding);
    if (flowBindings?.size === 0) this.byFlow.delete(binding.flowId);
    return binding;
  }

  removeFlow(flowId: string): Binding[] {
    const bindings = [...(this.byFlow.get(flowId) ?? [])];
    for (const binding of bindings) this.remove(binding.aor, binding.key);
    return bindings;
  }

  expire(now: number): Binding[] {
    const expired: Binding[] = [];
    for (const contacts of this.byAor.values()) {
      for (const binding of contacts.values()) if (binding.expiresAt <= now) expired.push(binding);
    }
    for (const binding of expired) this.remove(binding.aor, binding.key);
    return expired;
  }

  count(): number {
    let total = 0;
    for (const contacts of this.byAor.values()) total += contacts.size;
    return total;
  }
}
