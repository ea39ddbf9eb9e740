import { CHECK_SYNC_EVENT } from '../../../../shared/sip/plugAndPlay';
import { buildOutOfDialogRequest, type Clock, type Flow, type FlowLookup, type IdSource, serializeUri, type SipRequest, type SipUri, type TransactionLayer } from '../../../sip';

export interface CheckSyncOptions {
  layer: TransactionLayer;
  clock: Clock;
  ids: IdSource;
  /** The SIP domain (`hotdesk.local`): the To of each NOTIFY is `<sip:<aor>@domain>`. */
  domain: string;
  /** host[:port] of the PBX, for the Contact. */
  viaHost: string;
  /** Live bindings of an address-of-record (SipStack.bindingsOf). */
  bindingsOf(aor: string): readonly { contactUri: SipUri; flowId: string }[];
  /** The open connections (the transport's): a binding names the one it registered over. */
  flows: FlowLookup;
  /**
   * The SIP users the device may be registered as right now: its pool name and the identity of the document it was
   * last served (a user who just logged in or out). A phone that gets a NOTIFY it did not need re-fetches an unchanged
   * document (304) and does nothing else.
   */
  aorsOf(deviceName: string): readonly string[];
  /** How long to wait for the phones' answers; default 8 s. */
  timeoutMs?: number;
}

export type CheckSyncOutcome =
  | { aor: string; contact: string; status: number }
  | { aor: string; contact: string; error: 'no-flow' | 'timeout' | 'transport-error' };

/**
 * Reprovisioning without restart (README, "Provisioning and the admin API"): an out-of-dialog `NOTIFY` with `Event: check-sync` to every
 * registered contact of the device, telling it to re-fetch its provisioning document.
 *
 * check-sync is no IETF event package: it is the de-facto one (Polycom, Snom, Yealink phones; Asterisk's and
 * FreeSWITCH's notify templates send `Event: check-sync` with no body). No SUBSCRIBE precedes it, so there is no
 * subscription: the NOTIFY carries `Subscription-State: terminated` because RFC 6665 §4.2.2 (RFC 3265 §3.2.2) makes the header mandatory
 * in every NOTIFY and `terminated` is the only state that claims no subscription — a strict RFC 6665 parser accepts it,
 * and phones that key on the Event alone (JsSIP emits it as `sipEvent`) ignore it.
 */
export class CheckSync {
  constructor(private readonly options: CheckSyncOptions) {}

  /**
   * Sends the NOTIFYs; resolves when every contact answered or timed out. [] when the device is not registered.
   * `alsoAors`: users the device may still be registered as beyond aorsOf (the user who just logged out). The
   * targets are chosen before this returns.
   */
  send(deviceName: string, alsoAors: readonly string[] = []): Promise<CheckSyncOutcome[]> {
    const sends: Promise<CheckSyncOutcome>[] = [];
    const seen = new Set<string>();
    for (const aor of new Set([...this.options.aorsOf(deviceName), ...alsoAors])) {
      for (const binding of this.options.bindingsOf(aor)) {
        const contact = serializeUri(binding.contactUri);
        if (seen.has(`${binding.flowId} ${contact}`)) continue;
        seen.add(`${binding.flowId} ${contact}`);
        sends.push(this.notify(aor, binding.contactUri, contact, binding.flowId));
      }
    }
    return Promise.all(sends);
  }

  private notify(aor: string, contactUri: SipUri, contact: string, flowId: string): Promise<CheckSyncOutcome> {
    const flow = this.options.flows.flowById(flowId);
    if (!flow) return Promise.resolve({ aor, contact, error: 'no-flow' });
    const request = this.request(aor, contactUri, flow);
    return new Promise((resolve) => {
      let done = false;
      const finish = (outcome: CheckSyncOutcome) => {
        if (done) return;
        done = true;
        this.options.clock.clearTimeout(timer);
        resolve(outcome);
      };
      // Over a reliable flow Timer F is 64*T1; a kiosk that does not answer in a few seconds is not worth waiting for.
      const timer = this.options.clock.setTimeout(() => finish({ aor, contact, error: 'timeout' }), this.options.timeoutMs ?? 8000);
      try {
        this.options.layer.sendRequest(request, flow, {
          onFinal: (response) => finish({ aor, contact, status: response.status }),
          onTimeout: () => finish({ aor, contact, error: 'timeout' }),
          onTransportError: () => finish({ aor, contact, error: 'transport-error' }),
        });
      } catch {
        finish({ aor, contact, error: 'transport-error' });
      }
    });
  }

  private request(aor: string, contactUri: SipUri, flow: Flow): SipRequest {
    const { ids, domain, viaHost } = this.options;
    const fromTag = ids.tag();
    return buildOutOfDialogRequest({
      method: 'NOTIFY',
      requestUri: contactUri,
      from: { uri: `sip:provisioning@${domain}`, tag: fromTag },
      to: `sip:${aor}@${domain}`,
      callId: ids.callId(),
      cseq: 1,
      contact: { user: 'provisioning', host: viaHost, secure: flow.secure },
      headers: [
        { name: 'Event', value: CHECK_SYNC_EVENT },
        { name: 'Subscription-State', value: 'terminated' },
      ],
    });
  }
}
