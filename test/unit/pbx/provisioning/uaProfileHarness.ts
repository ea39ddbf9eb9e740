import { ManualClock } from '../../../../electron/sip/clock';
import type { PendingPhone } from '../../../../electron/pbx/core/presence/profilePorts';
import { UaProfileService, type UaProfileOptions } from '../../../../electron/pbx/core/presence/uaProfile';
import { getToTag, type SipRequest } from '../../../../electron/sip/message';
import { TransactionLayer, type ServerTransaction, type TransactionUser } from '../../../../electron/sip/transaction';
import type { Flow } from '../../../../electron/sip/flow/flow';
import type { Mac } from '../../../../shared/domain/mac';
import { countingIds, FakeFlow, sip } from '../../sip/transaction/support';
import { DeviceProofVerifier } from '../../../../electron/pbx/core/enrolment/deviceProofVerifier';
import type { DeviceKey } from '../../../../electron/host/identity/deviceKey';
import { DEVICE_PROOF_SIP_HEADER, formatDeviceProof, sipProofTarget } from '../../../../shared/sip/deviceProof';
import { macFromDeviceId } from '../../../../shared/sip/plugAndPlay';
import { DEVICE_KEY } from './fixtures';

export const HARNESS_START = Date.parse('2025-06-01T12:00:00Z');

/**
 * The ua-profile notifier behind a real transaction layer, fed SIP text on fake flows — the core's routing in small.
 * `assigned` holds the devices set up for a MAC, enrolled to DEVICE_KEY unless `enrolled` says another key (or null).
 */
export function uaProfileHarness(options: Partial<UaProfileOptions> = {}) {
  const clock = new ManualClock(HARNESS_START);
  const pending: PendingPhone[] = [];
  const assigned = new Map<Mac, string>();
  const enrolled = new Map<Mac, string | null>();
  const unhandled: string[] = [];
  // The core's routing in small: the layer hands requests to the service, which sends its NOTIFYs on the layer.
  const user: TransactionUser = {
    onRequest(tx: ServerTransaction, request: SipRequest, flow: Flow) {
      const uri = request.requestUri;
      const handled =
        getToTag(request) !== undefined
          ? service.handleInDialog(tx, request, flow)
          : service.handleRequest(tx, request, flow, uri.kind === 'sip' ? (uri.user ?? '') : '');
      if (!handled) {
        unhandled.push(request.method);
        tx.respond(404);
      }
    },
    onAck() {},
    onCancel() {},
    onStrayResponse() {},
  };
  const layer = new TransactionLayer({ clock, ids: countingIds(), user, viaHost: 'pbx.example.com' });
  const service = new UaProfileService({
    layer,
    clock,
    ids: countingIds(),
    viaHost: 'pbx.example.com',
    directory: {
      findDeviceByMac: (mac) => {
        const name = assigned.get(mac);
        if (name === undefined) return null;
        return { name, publicKey: enrolled.has(mac) ? (enrolled.get(mac) ?? null) : DEVICE_KEY.publicKey };
      },
      recordPendingPhone: (phone) => pending.push(phone),
      provisioningUrl: (name) => (name.startsWith('HD') ? `http://pbx.example.com/provisioning/${name}-token.json` : null),
    },
    proofs: new DeviceProofVerifier({ now: () => clock.now() }),
    ...options,
  });
  const flow = new FakeFlow('ws-1', { secure: false });
  return { clock, pending, assigned, enrolled, service, layer, flow, unhandled };
}

export interface SubscribeOptions {
  user?: string;
  from?: string;
  event?: string;
  expires?: number | null;
  toTag?: string;
  cseq?: number;
  branch?: string;
  accept?: string;
  contact?: string | null;
  /** The device key it proves (DEVICE_KEY by default); null: no proof, as a hardware phone sends. */
  key?: DeviceKey | null;
  /** When the proof was made; the harness's start by default. */
  provedAt?: number;
  /** Replaces the proof header's value (a forged or malformed proof). */
  proof?: string;
  callId?: string;
}

/** A PnP SUBSCRIBE like the kiosk's (or, without a key, a hardware phone's). */
export function subscribe(options: SubscribeOptions = {}): string {
  const user = options.user ?? '020000000004';
  const from = options.from ?? user;
  const key = options.key === undefined ? DEVICE_KEY : options.key;
  const mac = (macFromDeviceId(user) ?? macFromDeviceId(from)) as Mac;
  const proof = key === null ? undefined : formatDeviceProof(key.prove({ scope: 'sip', method: 'SUBSCRIBE', target: sipProofTarget(mac, options.callId ?? 'pnp-call-1') }, options.provedAt ?? HARNESS_START));
  const proofValue = options.proof ?? proof;
  return sip([
    `SUBSCRIBE sip:${user}@pbx.example.com SIP/2.0`,
    `Via: SIP/2.0/WS abc.invalid;branch=${options.branch ?? `z9hG4bK${Math.random().toString(16).slice(2)}`}`,
    'Max-Forwards: 70',
    `From: <sip:${from}@pbx.example.com>;tag=dev1`,
    `To: <sip:${user}@pbx.example.com>${options.toTag ? `;tag=${options.toTag}` : ''}`,
    `Call-ID: ${options.callId ?? 'pnp-call-1'}`,
    `CSeq: ${options.cseq ?? 1} SUBSCRIBE`,
    ...(options.contact === null ? [] : [`Contact: <${options.contact ?? `sip:${user}@abc.invalid;transport=ws`}>`]),
    `Event: ${options.event ?? 'ua-profile;profile-type="device";vendor="Hotdesk";model="Kiosk";version="0.1.0"'}`,
    ...(options.expires === null ? [] : [`Expires: ${options.expires ?? 120}`]),
    ...(options.accept ? [`Accept: ${options.accept}`] : []),
    'User-Agent: Hotdesk-Kiosk/0.1.0',
    ...(proofValue === undefined ? [] : [`${DEVICE_PROOF_SIP_HEADER}: ${proofValue}`]),
  ]);
}

/** The 200 a device sends back for a NOTIFY the PBX sent. */
export function okFor(notify: SipRequest): string {
  const lines = notify.headers
    .filter((header) => /^(via|from|to|call-id|cseq)$/i.test(header.name))
    .map((header) => `${header.name}: ${header.value}`);
  return sip(['SIP/2.0 200 OK', ...lines]);
}
