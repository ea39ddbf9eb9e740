import { type Clock, DialogSet, type Flow, type IdSource, type ServerTransaction, type SipRequest, type TransactionLayer } from '../../../sip';
import { createEchoBot, createEmergencyOperatorBot, createReceptionBot, type MediaBot, type PromptSource } from '../../media';
import type { LocalService } from '../localService';
import { UasCall } from './uasCall';

/** The demo bots' numbers (PRODUCT.md §9); emergency numbers are the devices' and come from outside. */
export const RECEPTION = '0';
export const ECHO_TEST = '200';
export const BUSY_LINE = '201';

export interface BotServiceOptions {
  layer: TransactionLayer;
  clock: Clock;
  ids: IdSource;
  viaHost: string;
  domain: string;
  mediaAddress: string;
  prompts: PromptSource;
  emergencyNumbers(): readonly string[];
  /** PRODUCT.md §7: an emergency call raises an on-site notification. */
  onEmergencyCall?(call: { number: string; caller: string; at: Date }): void;
}

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
    if (this.options.emergencyNumbers().includes(user)) {
      const caller = request.headers.find((header) => /^(from|f)$/i.test(header.name))?.value ?? 'unknown';
      this.options.onEmergencyCall?.({ number: user, caller, at: new Date(this.options.clock.now()) });
    }
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
      if (!endpoint || !this.calls.has(tx.id)) return;
      if (call.dialog) this.dialogs.add(call.dialog);
      entry.bot = bot.create();
      entry.bot.start(endpoint);
    });
    return true;
  }

  handleInDialog(tx: ServerTransaction, request: SipRequest): boolean {
    const entry = this.entryFor(request);
    if (!entry) return false;
    entry.call.handleInDialog(tx, request);
    return true;
  }

  handleAck(request: SipRequest): boolean {
    const entry = this.entryFor(request);
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

  private botFor(user: string): { name: string; create: () => MediaBot } | null {
    const prompts = this.options.prompts;
    if (user === RECEPTION) return { name: 'Reception', create: () => createReceptionBot({ prompts }) };
    if (user === ECHO_TEST) return { name: 'Echo test', create: () => createEchoBot({ prompts }) };
    if (this.options.emergencyNumbers().includes(user)) {
      return { name: 'Emergency (demo operator)', create: () => createEmergencyOperatorBot({ prompts }) };
    }
    return null;
  }

  private entryFor(request: SipRequest) {
    const dialog = this.dialogs.find(request);
    if (!dialog) return undefined;
    return [...this.calls.values()].find((entry) => entry.call.dialog === dialog);
  }

  private forget(call: UasCall): void {
    const entry = this.calls.get(call.serverTransactionId);
    entry?.bot?.stop();
    if (call.dialog) this.dialogs.remove(call.dialog);
    this.calls.delete(call.serverTransactionId);
  }
}
