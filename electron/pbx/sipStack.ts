import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { DEFAULT_DIAL_CODES, type DialCodes } from '../../shared/domain/dialCodes';
import { type Clock, type IdSource, randomIds, systemClock, TransactionLayer, type TransactionUser } from '../sip';
import { WsSipTransport } from './transport';
import { AuthThrottle, type Binding, CallTracker, ContactFlows, DialogEventService, DirectedPickup, DigestAuth, EmergencyCalls, type EmergencyCallsOptions, FlowIdentities, InMemoryLocationStore, type LocalCallObserver, type LocalService, type LocationStore, ProxyForwarder, Registrar, type RegistrarEvents, SelfAddress, type SipAccounts, SipCore } from './core';

export interface SipStackOptions<Services extends readonly LocalService[]> {
  accounts: SipAccounts;
  /** host written in Via / Record-Route (the PBX's own address). */
  viaHost: string;
  domain: string;
  clock?: Clock;
  ids?: IdSource;
  /**
   * Builds the PBX's own services on the stack's transaction layer, once; the core asks them in this order. Those that
   * answer calls themselves tell `calls` about them (BLF lamps).
   */
  services(layer: TransactionLayer, calls: LocalCallObserver): Services;
  emergencyNumbers(): readonly string[];
  dialCodes?: () => DialCodes;
  registrarEvents?: RegistrarEvents;
  flood?: { burst: number; perSecond: number };
  /** Host names browser pages may open `/sip` from besides the Host they connect to; default viaHost and domain. */
  allowedOriginHosts?: () => readonly string[];
  /** Emergency INVITEs: the location added and the notification sent as they arrive. */
  emergency?: Omit<EmergencyCallsOptions, 'flowIdentities'>;
}

const EXPIRY_SWEEP_MS = 15_000;

/**
 * The SIP layers wired bottom-up, each given what it calls at construction: WebSocket transport (the one table of
 * connections) → transactions → local services → core (registrar, proxy). Messages travel the other way, from the
 * transport up to the core, which is built last; no message arrives before `handleUpgrade`, so never before the
 * constructor has set every field.
 */
export class SipStack<Services extends readonly LocalService[] = readonly LocalService[]> {
  readonly transport: WsSipTransport;
  readonly layer: TransactionLayer;
  readonly services: Services;
  /** The `dialog` event package (RFC 4235): BLF lamps, fed by the proxy's view of calls. */
  readonly dialogEvents: DialogEventService;
  /** Wrong credentials per (address, user): shared with every other door that takes SIP credentials (the directory). */
  readonly authThrottle: AuthThrottle;
  private readonly calls: CallTracker;
  private readonly core: SipCore;
  private readonly registrar: Registrar;
  private readonly locations: LocationStore = new InMemoryLocationStore();
  private readonly clock: Clock;
  private sweepTimer: ReturnType<Clock['setTimeout']> | null = null;

  constructor(options: SipStackOptions<Services>) {
    const clock = (this.clock = options.clock ?? systemClock);
    const now = () => clock.now();
    this.layer = new TransactionLayer({ clock, ids: options.ids ?? randomIds, user: this.coreAsTransactionUser(), viaHost: options.viaHost });
    this.transport = new WsSipTransport(
      {
        onMessage: (flow, data) => this.layer.receive(flow, data),
        onFlowClosed: (flow) => {
          this.layer.flowClosed(flow);
          this.core.flowClosed(flow);
          this.calls.flowClosed(flow.id);
        },
      },
      {
        ...(options.flood ? { flood: options.flood } : {}),
        allowedOriginHosts: options.allowedOriginHosts ?? (() => [options.viaHost, options.domain]),
      },
    );
    const isExtension = (user: string) => options.accounts.find(user)?.kind === 'extension';
    this.calls = new CallTracker({ isExtension, onChange: (extensions) => this.dialogEvents.changed(extensions) });
    this.services = options.services(this.layer, this.calls);
    const self = new SelfAddress(options.viaHost, options.domain);
    const auth = new DigestAuth({ realm: options.domain, now, findHa1: (user) => options.accounts.find(user)?.ha1 ?? null });
    const throttle = (this.authThrottle = new AuthThrottle(now));
    const flowIdentities = new FlowIdentities();
    this.dialogEvents = new DialogEventService({
      layer: this.layer,
      clock,
      ids: options.ids ?? randomIds,
      viaHost: options.viaHost,
      domain: options.domain,
      state: { isExtension, isRegistered: (extension) => this.bindingsOf(extension).length > 0, dialogsOf: (extension) => this.calls.dialogsOf(extension) },
    });
    const registrar = (this.registrar = new Registrar({
      locations: this.locations,
      auth,
      throttle,
      flowIdentities,
      now,
      events: this.presenceAware(options.registrarEvents),
    }));
    const proxy = new ProxyForwarder(this.layer, self, clock, this.calls);
    const dialCodes = options.dialCodes ?? (() => DEFAULT_DIAL_CODES);
    const pickup = new DirectedPickup({
      proxy,
      viaHost: options.viaHost,
      dialCodes,
      emergencyNumbers: options.emergencyNumbers,
      ringingCallTo: (extension) => this.calls.ringingCallTo(extension),
      pickedUp: (callId, picker) => this.calls.pickedUp(callId, picker),
      targetsOf: (user) => this.core.targetsFor(user),
    });
    this.core = new SipCore({
      layer: this.layer,
      proxy,
      flows: this.transport,
      self,
      accounts: options.accounts,
      locations: this.locations,
      contactFlows: new ContactFlows(),
      flowIdentities,
      registrar,
      auth,
      throttle,
      services: [...this.services, this.dialogEvents, pickup],
      emergencyNumbers: options.emergencyNumbers,
      ...(options.emergency ? { emergency: new EmergencyCalls({ ...options.emergency, flowIdentities }) } : {}),
      dialCodes,
      now,
    });
    const sweep = () => {
      registrar.expire();
      this.sweepTimer = clock.setTimeout(sweep, EXPIRY_SWEEP_MS);
    };
    this.sweepTimer = clock.setTimeout(sweep, EXPIRY_SWEEP_MS);
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer, secure = false): void {
    this.transport.handleUpgrade(request, socket, head, secure);
  }

  bindingsOf(aor: string): Binding[] {
    return this.locations.lookup(aor, this.clock.now());
  }

  /** Dialogs the proxy keeps Record-Route state for (for tests and the console). */
  get proxiedDialogCount(): number {
    return this.core.proxiedDialogCount;
  }

  /** `aor`'s registrations over these connections end now, and with them its trust there (a hot-desk logout). */
  dropRegistrations(aor: string, flowIds: readonly string[]): void {
    for (const flowId of flowIds) this.registrar.dropUserOnFlow(aor, flowId);
  }

  close(): void {
    if (this.sweepTimer) this.clock.clearTimeout(this.sweepTimer);
    this.dialogEvents.close();
    this.transport.close();
    this.layer.close();
  }

  /** Registrations coming and going change what watchers of the extension see (offline ↔ idle). */
  private presenceAware(events: RegistrarEvents | undefined): RegistrarEvents {
    return {
      onBindingAdded: (binding) => {
        events?.onBindingAdded?.(binding);
        this.dialogEvents.changed([binding.aor]);
      },
      onBindingRemoved: (binding, why) => {
        events?.onBindingRemoved?.(binding, why);
        this.dialogEvents.changed([binding.aor]);
      },
    };
  }

  /** The layer's transaction user is the core, which needs the layer first (its proxy and services send on it). */
  private coreAsTransactionUser(): TransactionUser {
    return {
      onRequest: (tx, request, flow) => this.core.onRequest(tx, request, flow),
      onAck: (request, flow) => this.core.onAck(request, flow),
      onCancel: (tx) => this.core.onCancel(tx),
      onStrayResponse: (response, flow) => this.core.onStrayResponse(response, flow),
    };
  }
}
