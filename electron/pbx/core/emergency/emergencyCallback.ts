import { HOTDESK_CAPTION_PACKAGE } from '../../../../shared/sip/hotDeskCaption';
import type { Flow, SipUri } from '../../../sip';
import { createEmergencyOperatorBot, type PromptSource } from '../../media';
import type { OutgoingCalls } from '../bots/outgoingCalls';
import type { UacOutcome } from '../bots/uacCall';
import type { ChangeFeed } from '../hotdesk/changeFeed';
import type { EmergencyCallEvent } from './emergencyCallEvent';
import type { EmergencyRegistry } from './emergencyRegistry';

/**
 * The callback's `Priority` header value (RFC 3261 §20.26): a phone in do-not-disturb still rings for it (README,
 * "Emergency calls").
 */
export const CALLBACK_PRIORITY = 'emergency';
/** Who calls back, as the desk's display shows it. */
export const OPERATOR_NAME = 'Emergency operator (demo)';

/** A registered phone of a desk: the connection, the Contact and the identity it registered as. */
export interface DeskContact {
  flow: Flow;
  uri: SipUri;
  aor: string;
}

export interface EmergencyCallbacksDeps {
  registry: Pick<EmergencyRegistry, 'find'>;
  /** The desk's registered phone, whatever identity it has now (idle, another user); null when it is offline. */
  deskContact(deviceName: string): DeskContact | null;
  calls: Pick<OutgoingCalls, 'place'>;
  prompts: PromptSource;
  /** Speech for the operator's words; null when it cannot be synthesised. */
  synthesize(text: string): Promise<Int16Array | null>;
  changes: ChangeFeed;
}

export type CallbackRequest =
  /** `as`: the identity the desk's phone is registered as now. */
  | { kind: 'ringing'; call: EmergencyCallEvent; device: string; as: string }
  | { kind: 'unknown' }
  | { kind: 'offline'; device: string }
  /** The operator is calling the desk already. */
  | { kind: 'calling'; device: string };

/**
 * The demo emergency operator calling a desk back after an emergency call from it (within the registry's window):
 * an outgoing call from the PBX's media side to the desk's registered phone — routed by device, not by user — with
 * `Priority: emergency`; the operator bot speaks and captions why it calls.
 */
export class EmergencyCallbacks {
  /** Desks the operator is calling right now: one callback at a time rings a desk. */
  private readonly calling = new Set<string>();

  constructor(private readonly deps: EmergencyCallbacksDeps) {}

  /** Starts ringing the desk of emergency call `id`; the outcome follows as an `emergency-callback` event. */
  callBack(id: string): CallbackRequest {
    const call = this.deps.registry.find(id);
    if (!call?.device) return { kind: 'unknown' };
    const device = call.device.name;
    const contact = this.deps.deskContact(device);
    if (contact === null) return { kind: 'offline', device };
    if (this.calling.has(device)) return { kind: 'calling', device };
    this.calling.add(device);
    const text = `${OPERATOR_NAME}: calling you back about the emergency call to ${call.number}${call.location ? ` from ${call.location.short}` : ''}.`;
    const speech = this.deps.synthesize(text);
    void this.deps.calls
      .place({
        flow: contact.flow,
        target: contact.uri,
        to: contact.aor,
        caller: { user: call.number, displayName: OPERATOR_NAME },
        headers: [{ name: 'Priority', value: CALLBACK_PRIORITY }],
        onAnswered: (placed, endpoint) => {
          const bot = createEmergencyOperatorBot({ prompts: this.deps.prompts, answer: { text, speech } });
          bot.start(endpoint);
          placed.sendInfo(HOTDESK_CAPTION_PACKAGE, text);
          return () => {
            bot.stop();
            this.calling.delete(device);
          };
        },
      })
      .then((outcome) => this.finished(call, device, outcome));
    return { kind: 'ringing', call, device, as: contact.aor };
  }

  private finished(call: EmergencyCallEvent, device: string, outcome: UacOutcome): void {
    const failed = outcome.kind === 'failed' ? outcome : null;
    if (failed) this.calling.delete(device);
    this.deps.changes.emit({ type: 'emergency-callback', callId: call.id, device, outcome: outcome.kind, status: failed?.status ?? null, reason: failed?.reason ?? null });
  }
}
