import { findHotDeskClashes, type DialCodes } from '../../../../shared/domain/dialCodes';
import { classifyDialString } from '../../../../shared/domain/dialString';
import { HOTDESK_CAPTION_PACKAGE } from '../../../../shared/sip/hotDeskCaption';
import { type Flow, getFrom, type ServerTransaction, type SipRequest } from '../../../sip';
import { type AnsweringOptions, AnsweringService } from '../bots/answeringService';
import type { UasCall } from '../bots/uasCall';
import type { DeviceFlows } from '../hotdesk/deviceFlows';
import type { HotDeskLogins } from '../hotdesk/hotDeskLogins';
import { dtmfKeyOfInfo } from './dtmfInfo';
import { MediaIvrLine } from './ivrLine';
import { runLoginDialogue, runLogoutDialogue } from './loginDialogue';

export const NOT_A_HOT_DESK_PHONE = 'Hot-desk codes work only on a hot-desking phone';

export interface HotDeskCodeServiceOptions extends AnsweringOptions {
  dialCodes(): DialCodes;
  emergencyNumbers(): readonly string[];
  logins: HotDeskLogins;
  flows: DeviceFlows;
  /** Whether `user` is a hot-desking device's pool identity (HDnnnn). */
  isPoolIdentity(user: string): boolean;
  /** Inter-digit timeout of the PIN entry (5 s). */
  interDigitMs?: number;
}

interface IvrCall {
  readonly call: UasCall;
  line: MediaIvrLine | null;
}

/**
 * The hot-desk codes (README, "Hot desking at the PBX"): `*77*<ext>*` answers with the login IVR,
 * `*77*5*` logs the calling device out. The caller is a device: its pool identity, or its logged-in user on the
 * device's connection. While another dial code starts with `*7`, a login call is refused 403 naming that code
 * (README, "Hot desking at the PBX").
 */
export class HotDeskCodeService extends AnsweringService<IvrCall> {
  constructor(private readonly options: HotDeskCodeServiceOptions) {
    super(options);
  }

  handleRequest(tx: ServerTransaction, request: SipRequest, flow: Flow, user: string): boolean {
    const codes = this.options.dialCodes();
    const intent = classifyDialString(user, { emergencyNumbers: this.options.emergencyNumbers(), dialCodes: codes });
    if (intent.kind !== 'hotdesk-login' && intent.kind !== 'hotdesk-logout') return false;
    if (request.method !== 'INVITE') {
      tx.respond(405, 'Hot-desk codes take calls only', { headers: [{ name: 'Allow', value: 'INVITE, ACK, CANCEL, BYE, INFO' }] });
      return true;
    }
    const clashes = findHotDeskClashes(codes).map((key) => codes[key]);
    if (intent.kind === 'hotdesk-login' && clashes.length > 0) {
      tx.respond(403, clashes.length === 1 ? `Dial code ${clashes[0]} clashes with hot-desk login` : `Dial codes ${clashes.join(', ')} clash with hot-desk login`);
      return true;
    }
    const device = this.deviceOf(request, flow);
    if (device === null) {
      tx.respond(403, NOT_A_HOT_DESK_PHONE);
      return true;
    }
    const extension = intent.kind === 'hotdesk-login' ? intent.extension : null;
    this.answer(tx, request, flow, user, (line) =>
      extension === null ? runLogoutDialogue(line, this.options, device) : runLoginDialogue(line, this.dialogueDeps(), device, extension),
    );
    return true;
  }

  override flowClosed(flowId: string): void {
    super.flowClosed(flowId);
    this.options.flows.flowClosed(flowId);
  }

  /**
   * Which device is calling: its pool identity calls as itself; a logged-in user calls from a connection of the
   * device's, or is logged in on one device only.
   */
  private deviceOf(request: SipRequest, flow: Flow): string | null {
    const from = getFrom(request);
    const caller = from?.uri.kind === 'sip' ? (from.uri.user ?? '') : '';
    const { flows, logins } = this.options;
    if (this.options.isPoolIdentity(caller)) {
      flows.poolSeen(caller, flow.id);
      return caller;
    }
    const onFlow = flows.deviceOf(flow.id);
    if (onFlow !== null && logins.sessionOf(onFlow)?.extension === caller) return onFlow;
    const sessions = logins.devicesOf(caller);
    return sessions.length === 1 ? (sessions[0] as string) : null;
  }

  private dialogueDeps() {
    const { logins, clock, interDigitMs } = this.options;
    return { logins, clock, ...(interDigitMs === undefined ? {} : { interDigitMs }) };
  }

  private answer(tx: ServerTransaction, request: SipRequest, flow: Flow, user: string, dialogue: (line: MediaIvrLine) => Promise<void>): void {
    const entry: IvrCall = {
      line: null,
      call: this.newCall({
        tx,
        request,
        flow,
        user,
        displayName: 'Hot desking',
        onEnded: (ended) => this.removeCall(ended)?.line?.end(),
        onInfo: (info) => {
          const key = dtmfKeyOfInfo(info);
          if (key !== null) entry.line?.key(key);
        },
      }),
    };
    this.addCall(entry);
    void entry.call.answer().then(async (endpoint) => {
      if (!endpoint || !this.callAnswered(entry.call)) return;
      const line = new MediaIvrLine({ endpoint, prompts: this.options.prompts, sendCaption: (text) => entry.call.sendInfo(HOTDESK_CAPTION_PACKAGE, text) });
      entry.line = line;
      try {
        await dialogue(line);
      } catch (error) {
        console.error('hot-desk IVR failed:', error);
      }
      entry.call.hangUp();
    });
  }
}
