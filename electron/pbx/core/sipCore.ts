import { classifyDialString, IDLE_DEVICE_REFUSAL } from '../../../shared/domain/dialString';
import type { DialCodes } from '../../../shared/domain/dialCodes';
import { getMaxForwards, getRoutes, getToTag, getVias, hostsEqual, removeHeader, addHeader, type SipRequest, type SipResponse } from '../../sip';
import type { Flow, FlowLookup, ServerTransaction, TransactionLayer, TransactionUser } from '../../sip';
import type { SipAccounts } from './accounts/sipAccounts';
import type { AuthThrottle } from './auth/authThrottle';
import type { DigestAuth } from './auth/digestAuth';
import { authenticateCaller, isAuthenticatedSender } from './callerAuth';
import type { EmergencyCalls } from './emergency/emergencyCalls';
import type { LocalService } from './localService';
import type { ContactFlows } from './locations/contactFlows';
import type { LocationStore } from './locations/locationStore';
import { isPoolSender, poolMaySendInDialog, poolMayStart } from './poolPolicy';
import { DialogRouter } from './proxy/dialogRouter';
import { dropCallerClaims } from './proxy/callerClaims';
import type { ProxyForwarder, ForwardTarget } from './proxy/proxyForwarder';
import type { SelfAddress } from './proxy/selfAddress';
import type { FlowIdentities } from './registrar/flowIdentities';
import type { Registrar } from './registrar/registrar';

const ALLOW = 'INVITE, ACK, CANCEL, BYE, OPTIONS, REGISTER, MESSAGE, INFO, UPDATE, REFER, NOTIFY, SUBSCRIBE, PRACK';

export interface SipCoreDeps {
  /** Sends the ACKs for 2xx statelessly (RFC 3261 §16.6 step 8 leaves them to the proxy core). */
  layer: TransactionLayer;
  proxy: ProxyForwarder;
  /** The open connections, owned by the transport: a binding or contact names its flow by id. */
  flows: FlowLookup;
  self: SelfAddress;
  accounts: SipAccounts;
  locations: LocationStore;
  contactFlows: ContactFlows;
  flowIdentities: FlowIdentities;
  registrar: Registrar;
  auth: DigestAuth;
  throttle: AuthThrottle;
  /** The PBX's own services (bots, plug-and-play); asked in this order. */
  services: readonly LocalService[];
  emergencyNumbers(): readonly string[];
  /** Adds the desk's location to emergency INVITEs and raises the on-site notification. */
  emergency?: EmergencyCalls;
  dialCodes(): DialCodes;
  now(): number;
}

/** The transaction user: routes each request to the registrar, a local service or the proxy (RFC 3261 §16). */
export class SipCore implements TransactionUser {
  private readonly dialogs: DialogRouter;

  constructor(private readonly deps: SipCoreDeps) {
    this.dialogs = new DialogRouter({ contactFlows: deps.contactFlows, flowById: (id) => deps.flows.flowById(id) });
  }

  onRequest(tx: ServerTransaction, request: SipRequest, flow: Flow): void {
    const maxForwards = getMaxForwards(request) ?? 70;
    if (this.isLoop(request)) {
      tx.respond(482);
      return;
    }
    popOwnRoutes(request, this.deps.self);
    if (request.method === 'REGISTER') {
      if (this.deps.registrar.handle(tx, request, flow)) this.dialogs.rememberContacts(request, flow);
      return;
    }
    if (getToTag(request) !== undefined) {
      this.routeInDialog(tx, request, flow, maxForwards);
      return;
    }
    this.routeNew(tx, request, flow, maxForwards);
  }

  onAck(request: SipRequest, flow: Flow): void {
    popOwnRoutes(request, this.deps.self);
    if (this.deps.services.some((service) => service.handleAck(request, flow))) return;
    const { dialog, target } = this.dialogs.route(request, flow);
    // An ACK has no response to carry an error: one that belongs to no dialog of its sender is dropped.
    if (!target || (dialog === null && !this.mayUseRemoteTarget(request, flow))) return;
    this.deps.layer.sendStateless(request, target.flow, { addVia: true });
  }

  onCancel(tx: ServerTransaction): void {
    if (this.deps.services.some((service) => service.handleCancel(tx))) return;
    this.deps.proxy.cancel(tx);
  }

  onStrayResponse(_response: SipResponse, _flow: Flow): void {
    // Over WebSocket nothing is retransmitted; a stray response has no transaction to go back on.
  }

  /** Dialogs the proxy is keeping Record-Route state for (for tests and the console). */
  get proxiedDialogCount(): number {
    return this.dialogs.dialogCount;
  }

  flowClosed(flow: Flow): void {
    this.deps.registrar.flowClosed(flow.id);
    this.dialogs.flowClosed(flow.id);
    this.deps.flowIdentities.flowClosed(flow.id);
    for (const service of this.deps.services) service.flowClosed(flow.id);
  }

  /** §16.3 step 4: a request that already passed through here with our Via is looping (we never spiral). */
  private isLoop(request: SipRequest): boolean {
    const self = this.deps.self.viaHost;
    return (getVias(request) ?? []).some((via) => hostsEqual(via.port ? `${via.host}:${via.port}` : via.host, self));
  }

  /**
   * A request with a To tag. The PBX's own services take their dialogs; any other goes only along a dialog the proxy
   * Record-Routed, between that dialog's flows — or, for a dialog the proxy does not know, from a sender
   * authenticated as its From user (challenged otherwise). A pool identity gets neither beyond its calls.
   */
  private routeInDialog(tx: ServerTransaction, request: SipRequest, flow: Flow, maxForwards: number): void {
    const pool = isPoolSender(request, flow, this.deps);
    if (pool && !poolMaySendInDialog(request)) {
      tx.respond(403, IDLE_DEVICE_REFUSAL);
      return;
    }
    if (this.deps.services.some((service) => service.handleInDialog(tx, request, flow))) return;
    const { dialog, target } = this.dialogs.route(request, flow);
    if (dialog === null) {
      if (pool) {
        tx.respond(403, IDLE_DEVICE_REFUSAL);
        return;
      }
      if (authenticateCaller(tx, request, flow, this.deps) === null) return;
    }
    if (!target) {
      tx.respond(481);
      return;
    }
    if (maxForwards <= 0) {
      tx.respond(483);
      return;
    }
    this.dialogs.rememberContacts(request, flow); // a target refresh (RFC 3261 §12.2.2)
    this.deps.proxy.forward(tx, request, [target], this.dialogs.inDialogOptions(request, dialog));
  }

  private mayUseRemoteTarget(request: SipRequest, flow: Flow): boolean {
    return isAuthenticatedSender(request, flow, this.deps.flowIdentities) && !isPoolSender(request, flow, this.deps);
  }

  private routeNew(tx: ServerTransaction, request: SipRequest, flow: Flow, maxForwards: number): void {
    const uri = request.requestUri;
    const user = uri.kind === 'sip' ? (uri.user ?? '') : '';
    if (request.method === 'OPTIONS' && this.deps.self.isSelf(uri) && (user === '' || !this.deps.accounts.find(user))) {
      tx.respond(200, undefined, { headers: capabilityHeaders() });
      return;
    }
    if (!this.deps.self.isSelf(uri) || uri.kind !== 'sip') {
      tx.respond(404, 'Not a user of this PBX');
      return;
    }
    if (maxForwards <= 0) {
      tx.respond(483);
      return;
    }
    const open = this.deps.services.find((service) => service.takesUnauthenticated?.(request, user) === true);
    if (open) {
      open.handleRequest(tx, request, flow, user);
      return;
    }
    const intent = classifyDialString(user, { emergencyNumbers: this.deps.emergencyNumbers(), dialCodes: this.deps.dialCodes() });
    if (intent.kind === 'emergency' && request.method === 'INVITE') this.deps.emergency?.received(request, flow, user);
    // Emergency calls are never refused for want of credentials (RFC 6881 §5 spirit); everything else is.
    const emergency = intent.kind === 'emergency' && request.method === 'INVITE';
    const caller = emergency ? null : authenticateCaller(tx, request, flow, this.deps);
    if (caller === null && !emergency) return;
    if (caller !== null && this.deps.accounts.find(caller)?.kind === 'pool' && !poolMayStart(request, intent)) {
      tx.respond(403, IDLE_DEVICE_REFUSAL);
      return;
    }
    if (caller !== null) this.dialogs.rememberContacts(request, flow);
    for (const service of this.deps.services) if (service.handleRequest(tx, request, flow, user)) return;
    if (intent.kind === 'hotdesk-login' || intent.kind === 'hotdesk-logout') {
      // No hot-desk login service is running on this PBX: say so rather than "Not Found" for a code users are told to dial.
      tx.respond(480, 'Hot-desk login is not available on this PBX');
      return;
    }
    if (request.method === 'INVITE') dropCallerClaims(request);
    const targets = this.dialogs.replacedDialogTargets(request, this.targetsFor(user));
    if (targets.length > 0) {
      this.deps.proxy.forward(tx, request, targets, this.dialogs.forwardOptions(request, flow, targets));
      return;
    }
    tx.respond(this.deps.accounts.find(user) ? 480 : 404);
  }

  /** The registered contacts of an address-of-record with their open connections. */
  targetsFor(aor: string): ForwardTarget[] {
    const targets: ForwardTarget[] = [];
    for (const binding of this.deps.locations.lookup(aor, this.deps.now())) {
      const flow = this.deps.flows.flowById(binding.flowId);
      if (flow) targets.push({ uri: binding.contactUri, flow });
    }
    return targets;
  }
}

/** Removes the Route values that name this proxy from the top of the route set (loose routing, RFC 3261 §16.4). */
function popOwnRoutes(request: SipRequest, self: SelfAddress): void {
  const routes = getRoutes(request) ?? [];
  let own = 0;
  while (own < routes.length && self.isOwnRoute((routes[own] as (typeof routes)[number]).uri)) own++;
  if (own === 0) return;
  const rest = routes.slice(own);
  const lines = request.headers.filter((header) => header.name.toLowerCase() === 'route');
  removeHeader(request, 'Route');
  if (rest.length > 0) {
    // Keep the remaining values as written, one per line.
    const values = lines.flatMap((line) => line.value.split(/,(?=\s*<)/)).slice(own);
    for (const value of values) addHeader(request, 'Route', value.trim());
  }
}

function capabilityHeaders() {
  return [
    { name: 'Allow', value: ALLOW },
    { name: 'Accept', value: 'application/sdp, text/plain, application/dtmf-relay' },
    { name: 'Supported', value: 'path, outbound' },
  ];
}
