import { HOTDESK_CAPTION_PACKAGE } from '../../../../shared/sip/hotDeskCaption';
import { type Flow, getHeader, type ServerTransaction, type SipRequest } from '../../../sip';
import { createEchoBot, createEmergencyOperatorBot, createReceptionBot, type MediaBot } from '../../media';
import { operatorAnswer } from '../emergency/operatorAnswer';
import { type AnsweringOptions, AnsweringService } from './answeringService';
import type { UasCall } from './uasCall';

type OperatorAnswer = { text: string; speech: Promise<Int16Array | null> };

/** The demo bots' numbers; emergency numbers are the devices' and come from outside. */
const RECEPTION = '0';
const ECHO_TEST = '200';
const BUSY_LINE = '201';
/** The bots' numbers and names: no extension and no emergency number may take them. */
export const SERVICE_NUMBERS: ReadonlyMap<string, string> = new Map([
  [RECEPTION, 'Reception'],
  [ECHO_TEST, 'Echo test'],
  [BUSY_LINE, 'Busy line'],
]);

export interface BotServiceOptions extends AnsweringOptions {
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

/** The PBX's own answering bots: Reception, Echo test, Busy line and the demo emergency operator. */
export class BotService extends AnsweringService<{ call: UasCall; bot: MediaBot | null }> {
  constructor(private readonly options: BotServiceOptions) {
    super(options);
  }

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
    const call = this.newCall({ tx, request, flow, user, displayName: bot.name, onEnded: (ended) => this.forget(ended) });
    const entry: { call: UasCall; bot: MediaBot | null } = { call, bot: null };
    this.addCall(entry);
    void call.answer().then((endpoint) => {
      report?.(endpoint ? 'answered' : 'failed', call.failedWith);
      if (!endpoint || !this.callAnswered(call)) return;
      entry.bot = bot.create(caption !== null && speech !== null ? { text: caption, speech } : undefined);
      entry.bot.start(endpoint);
      if (caption !== null) call.sendInfo(HOTDESK_CAPTION_PACKAGE, caption);
    });
    return true;
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

  private forget(call: UasCall): void {
    this.removeCall(call)?.bot?.stop();
  }
}
