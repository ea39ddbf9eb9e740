import { type Clock, DialogSet, type Flow, getHeader, type IdSource, type ServerTransaction, type SipRequest, type TransactionLayer } from '../../../sip';
import { createEchoBot, createEmergencyOperatorBot, createReceptionBot, type MediaBot, type PromptSource } from '../../media';
import type { LocalService } from '../localService';
import { operatorAnswer } from '../emergency/operatorAnswer';
import { UasCall } from './uasCall';

type OperatorAnswer = { text: string; speech: Promise<Int16Array | null> };

/** The demo bots' numbers (PRODUCT.md §9); emergency numbers are the devices' and come from outside. */
const RECEPTION = '0';
const ECHO_TEST = '200';
const BUSY_LINE = '201';
/** The bots' numbers and names: no extension and no emergency number may take them. */
export const SERVICE_NUMBERS: ReadonlyMap<string, string> = new Map([
  [RECEPTION, 'Reception'],
  [ECHO_TEST, 'Echo test'],
  [BUSY_LINE, 'Busy line'],
]);

export interface BotServiceOptions {
  layer: TransactionLayer;
  clock: Clock;
  ids: IdSource;
  viaHost: string;
  domain: string;
  mediaAddress: string;
  prompts: PromptSource;
  emergencyNumbers(): readonly string[];
  /**
   * An emergency call raises an on-site notification as soon as its INVITE arrives (`arrived`), then once more with
   * its outcome: `answered` only when the operator sent 2xx, `failed` (with the status sent instead) otherwise.
   */
  onEmergencyCall?(call: EmergencyCallReport): void;
  /** Speech for sentences no prompt holds; null when it cannot be synthesised (media's synthesizeSpeech). */
  synthesize?(text: string): Promise<Int16Array | null>;
}

export interface EmergencyCallReport {
  number: string;
  /** The caller's From header as it arrived. */
  caller: string;
  at: Date;
  phase: 'arrived' | 'answered' | 'failed';
  /** For `failed`: the final response sent instead of 2xx (0 when none could be sent). */
  failure?: { status: number; reason: string };
}

/** The in-dialog INFO package of captions (RFC 6086): the phone shows the text on its display. */
export const CAPTION_INFO_PACKAGE = 'hotdesk-caption';

/** The PBX's own answering bots: Reception, Echo test, Busy line and the demo emergency operator. */
export class BotService implements LocalService {
  private readonly calls = new Map<string, { call: UasCall; bot: MediaBot | null }>();
  private readonly dialogs = new DialogSet();

  constructor(private readonly options: BotServiceOptions) {}

  handleRequest(tx: ServerTransaction, request: SipRequest, flow: Flow, user: string): boolean {
    const bot = this.botFor(user);
    if (user === BUSY_LINE) {
      tx.respond(486);
      return true;
    }
    if (!bot) return false;
    if (request.method !== 'INVITE') {
      tx.respond(405, 'Bots only take calls', { headers: [{ name: 'Allow', value: 'INVITE, ACK, CANCEL, BYE' }] });
      return true;
    }
    const report = this.options.emergencyNumbers().includes(user) ? this.emergencyReporter(request, user) : null;
    report?.('arrived');
    // The operator answers with the location the INVITE carries (core/emergency added the desk's on arrival).
    const caption = this.options.emergencyNumbers().includes(user) ? operatorAnswer(request) : null;
    const speech = caption === null ? null : (this.options.synthesize?.(caption) ?? Promise.resolve(null));
    const call = new UasCall({
      tx,
      request,
      flow,
      user,
      displayName: bot.name,
      domain: this.options.domain,
      viaHost: this.options.viaHost,
      mediaAddress: this.options.mediaAddress,
      clock: this.options.clock,
      ids: this.options.ids,
      layer: this.options.layer,
      onEnded: (ended) => this.forget(ended),
    });
    const entry: { call: UasCall; bot: MediaBot | null } = { call, bot: null };
    this.calls.set(tx.id, entry);
    void call.answer().then((endpoint) => {
      report?.(endpoint ? 'answered' : 'failed', call.failedWith);
      if (!endpoint || !this.calls.has(tx.id)) return;
      if (call.dialog) this.dialogs.add(call.dialog);
      entry.bot = bot.create(caption !== null && speech !== null ? { text: caption, speech } : undefined);
      entry.bot.start(endpoint);
      if (caption !== null) call.sendInfo(CAPTION_INFO_PACKAGE, caption);
    });
    return true;
  }

  handleInDialog(tx: ServerTransaction, request: SipRequest, flow: Flow): boolean {
    const entry = this.entryFor(request, flow);
    if (!entry) return false;
    entry.call.handleInDialog(tx, request);
    return true;
  }

  handleAck(request: SipRequest, flow: Flow): boolean {
    const entry = this.entryFor(request, flow);
    return entry ? entry.call.receiveAck(request) || true : false;
  }

  handleCancel(tx: ServerTransaction): boolean {
    const entry = this.calls.get(tx.id);
    if (!entry) return false;
    entry.call.cancelled();
    return true;
  }

  flowClosed(flowId: string): void {
    for (const { call } of [...this.calls.values()]) if (call.flowId === flowId) call.end();
  }

  get activeCalls(): number {
    return this.calls.size;
  }

  close(): void {
    for (const { call } of [...this.calls.values()]) call.hangUp();
  }

  private emergencyReporter(request: SipRequest, number: string) {
    const caller = getHeader(request, 'From') ?? 'unknown';
    const at = new Date(this.options.clock.now());
    return (phase: EmergencyCallReport['phase'], failure?: EmergencyCallReport['failure']) =>
      this.options.onEmergencyCall?.({ number, caller, at, phase, ...(phase === 'failed' && failure ? { failure } : {}) });
  }

  private botFor(user: string): { name: string; create: (answer?: OperatorAnswer) => MediaBot } | null {
    const prompts = this.options.prompts;
    if (user === RECEPTION) return { name: 'Reception', create: () => createReceptionBot({ prompts }) };
    if (user === ECHO_TEST) return { name: 'Echo test', create: () => createEchoBot({ prompts }) };
    if (this.options.emergencyNumbers().includes(user)) {
      return { name: 'Emergency (demo operator)', create: (answer) => createEmergencyOperatorBot({ prompts, ...(answer ? { answer } : {}) }) };
    }
    return null;
  }

  /** The call `request` belongs to — only when it comes over the caller's own flow, so no one else can end it. */
  private entryFor(request: SipRequest, flow: Flow) {
    const dialog = this.dialogs.find(request);
    if (!dialog) return undefined;
    return [...this.calls.values()].find((entry) => entry.call.dialog === dialog && entry.call.flowId === flow.id);
  }

  private forget(call: UasCall): void {
    const entry = this.calls.get(call.serverTransactionId);
    entry?.bot?.stop();
    if (call.dialog) this.dialogs.remove(call.dialog);
    this.calls.delete(call.serverTransactionId);
  }
}
