import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { DEFAULT_DIAL_CODES, type DialCodes } from '../../shared/domain/dialCodes';
import { type Clock, type Flow, type IdSource, randomIds, systemClock, TransactionLayer } from '../sip';
import { WsSipTransport } from './transport';
import { AuthThrottle, type Binding, ContactFlows, DigestAuth, FlowIdentities, InMemoryLocationStore, type LocalService, type LocationStore, ProxyForwarder, Registrar, type RegistrarEvents, SelfAddress, type SipAccounts, SipCore } from './core';

export interface SipStackOptions {
  accounts: SipAccounts;
  /** host written in Via / Record-Route (the PBX's own address). */
  viaHost: string;
  domain: string;
  clock?: Clock;
  ids?: IdSource;
  services?: () => readonly LocalService[];
  emergencyNumbers(): readonly string[];
  dialCodes?: () => DialCodes;
  registrarEvents?: RegistrarEvents;
  flood?: { burst: number; perSecond: number };
}

const EXPIRY_SWEEP_MS = 15_000;

/** The SIP layers wired bottom-up: WebSocket transport → transactions → core (registrar, proxy, local services). */
export class SipStack {
  readonly locations: LocationStore = new InMemoryLocationStore();
  readonly transport: WsSipTransport;
  readonly layer: TransactionLayer;
  readonly core: SipCore;
  readonly auth: DigestAuth;
  readonly self: SelfAddress;
  private sweepTimer: ReturnType<Clock['setTimeout']> | null = null;
  private readonly clock: Clock;

  constructor(options: SipStackOptions) {
    this.clock = options.clock ?? systemClock;
    const now = () => this.clock.now();
    this.self = new SelfAddress(options.viaHost, options.domain);
    this.auth = new DigestAuth({ realm: options.domain, now, findHa1: (user) => options.accounts.find(user)?.ha1 ?? null });
    const throttle = new AuthThrottle(now);
    const flowIdentities = new FlowIdentities();
    const registrar = new Registrar({
      locations: this.locations,
      auth: this.auth,
      throttle,
      flowIdentities,
      now,
      ...(options.registrarEvents ? { events: options.registrarEvents } : {}),
    });
    const services = options.services ?? (() => []);
    this.core = new SipCore({
      self: this.self,
      accounts: options.accounts,
      locations: this.locations,
      contactFlows: new ContactFlows(),
      flowIdentities,
      registrar,
      auth: this.auth,
      throttle,
      get services() {
        return services();
      },
      emergencyNumbers: options.emergencyNumbers,
      dialCodes: options.dialCodes ?? (() => DEFAULT_DIAL_CODES),
      now,
    });
    this.layer = new TransactionLayer({ clock: this.clock, ids: options.ids ?? randomIds, user: this.core, viaHost: options.viaHost });
    this.core.attach(this.layer, new ProxyForwarder(this.layer, this.self, this.clock));
    this.transport = new WsSipTransport(
      {
        onMessage: (flow, data) => this.layer.receive(flow, data),
        onFlowClosed: (flow) => {
          this.layer.flowClosed(flow);
          this.core.flowClosed(flow);
        },
      },
      options.flood ? { flood: options.flood } : {},
    );
    const sweep = () => {
      registrar.expire();
      this.sweepTimer = this.clock.setTimeout(sweep, EXPIRY_SWEEP_MS);
    };
    this.sweepTimer = this.clock.setTimeout(sweep, EXPIRY_SWEEP_MS);
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer, secure = false): void {
    this.transport.handleUpgrade(request, socket, head, secure);
  }

  flowById(flowId: string): Flow | undefined {
    return this.core.flowById(flowId);
  }

  bindingsOf(aor: string): Binding[] {
    return this.locations.lookup(aor, this.clock.now());
  }

  close(): void {
    if (this.sweepTimer) this.clock.clearTimeout(this.sweepTimer);
    this.transport.close();
    this.layer.close();
  }
}
