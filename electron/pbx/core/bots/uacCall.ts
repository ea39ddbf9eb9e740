import {
  type AnsweredInvite,
  answerInvite,
  buildOutOfDialogRequest,
  buildResponse,
  type ClientTransaction,
  type Clock,
  createUacDialog,
  type Dialog,
  type Flow,
  getBodyText,
  type IdSource,
  type ServerTransaction,
  setBody,
  setHeader,
  type SipHeader,
  type SipRequest,
  type SipResponse,
  type SipUri,
  type TransactionLayer,
} from '../../../sip';
import { loadMediaEndpoint, type MediaEndpoint } from '../../media';
import { handleLegRequest, LEG_ALLOW, sendInDialog, sendInfoText } from './legRequests';

export interface UacCallOptions {
  layer: TransactionLayer;
  clock: Clock;
  ids: IdSource;
  domain: string;
  viaHost: string;
  mediaAddress: string;
  /** The connection the callee registered over, and the Contact it registered (the Request-URI). */
  flow: Flow;
  target: SipUri;
  /** The callee's address-of-record user (the To header). */
  to: string;
  /** Who calls: our From and Contact user, and the display name the callee shows. */
  caller: { user: string; displayName: string };
  /** Header fields for the INVITE beyond the ones every request has, e.g. `Priority`. */
  headers: readonly SipHeader[];
  /** How long the callee may ring before the call is cancelled. */
  ringTimeoutMs: number;
  onEnded(call: UacCall): void;
}

export type UacOutcome = { kind: 'answered'; endpoint: MediaEndpoint } | { kind: 'failed'; status: number; reason: string };

/**
 * One call the PBX places itself (RFC 3261 §13.2): an INVITE with an SDP offer from a media endpoint, the ACK for the
 * 2xx (§13.2.2.4), CANCEL when the callee rings too long or the call is hung up before the answer, and the dialog's
 * in-dialog requests afterwards.
 */
export class UacCall {
  private endpoint: MediaEndpoint | null = null;
  private transaction: ClientTransaction | null = null;
  private established: Dialog | null = null;
  private reanswered: AnsweredInvite | null = null;
  private ended = false;

  constructor(private readonly options: UacCallOptions) {}

  get dialog(): Dialog | null {
    return this.established;
  }

  get flowId(): string {
    return this.options.flow.id;
  }

  /** Places the call; resolves with the connected-to-be media endpoint once the callee answered, or why it did not. */
  async start(): Promise<UacOutcome> {
    const { createMediaEndpoint } = await loadMediaEndpoint();
    if (this.ended) return { kind: 'failed', status: 0, reason: 'Hung up before the call was placed' };
    const endpoint = (this.endpoint = createMediaEndpoint({ bindAddress: this.options.mediaAddress }));
    let offer: string;
    try {
      offer = await endpoint.offer();
    } catch {
      return this.fail(0, 'Media could not be prepared');
    }
    if (this.ended) return { kind: 'failed', status: 0, reason: 'Hung up before the call was placed' };
    const invite = this.invite(offer);
    const response = await this.send(invite);
    if (response === null) return this.fail(0, this.ended ? 'Hung up before the answer' : 'The callee could not be reached');
    if (response.status >= 300) return this.fail(response.status, response.reason);
    return this.answered(invite, response, endpoint);
  }

  /** Handles a request in this call's dialog. */
  handleInDialog(tx: ServerTransaction, request: SipRequest): void {
    const leg = { dialog: this.established, endpoint: this.endpoint, answerReinvite: this.answerReinvite, end: () => this.end() };
    handleLegRequest(leg, tx, request);
  }

  /** An ACK for our 2xx to a re-INVITE; false when it is not one. */
  receiveAck(ack: SipRequest): boolean {
    return this.reanswered?.receiveAck(ack) ?? false;
  }

  sendInfo(infoPackage: string, text: string): void {
    if (this.established && !this.ended) sendInfoText(this.options.layer, this.options.flow, this.established, infoPackage, text);
  }

  /** The PBX ends the call: CANCEL while it rings (§9.1), BYE once answered (§15.1.1). */
  hangUp(): void {
    if (this.ended) return;
    const dialog = this.established;
    if (dialog) sendInDialog(this.options.layer, this.options.flow, dialog, 'BYE');
    else this.transaction?.cancel();
    this.end();
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.reanswered?.stop();
    void this.endpoint?.close();
    this.options.onEnded(this);
  }

  private invite(offer: string): SipRequest {
    const { ids, domain, viaHost, caller, flow } = this.options;
    const tag = ids.tag();
    const request = buildOutOfDialogRequest({
      method: 'INVITE',
      requestUri: this.options.target,
      from: { uri: `sip:${caller.user}@${domain}`, tag },
      to: `sip:${this.options.to}@${domain}`,
      callId: ids.callId(),
      cseq: 1,
      contact: { user: caller.user, host: viaHost, secure: flow.secure },
      headers: [{ name: 'Allow', value: LEG_ALLOW }, ...this.options.headers],
    });
    // The display name goes into From (RFC 3261 §20.20), which buildOutOfDialogRequest writes bare.
    setHeader(request, 'From', `"${caller.displayName.replace(/["\\\r\n]/g, '')}" <sip:${caller.user}@${domain}>;tag=${tag}`);
    setBody(request, offer, 'application/sdp');
    return request;
  }

  /** The final response to the INVITE, or null when none came (timeout, transport error, cancelled). */
  private send(invite: SipRequest): Promise<SipResponse | null> {
    return new Promise((resolve) => {
      const ringing = this.options.clock.setTimeout(() => this.transaction?.cancel(), this.options.ringTimeoutMs);
      const settle = (response: SipResponse | null) => {
        this.options.clock.clearTimeout(ringing);
        resolve(response);
      };
      try {
        this.transaction = this.options.layer.sendRequest(invite, this.options.flow, {
          onFinal: settle,
          onTimeout: () => settle(null),
          onTransportError: () => settle(null),
        });
      } catch {
        settle(null);
      }
    });
  }

  private async answered(invite: SipRequest, response: SipResponse, endpoint: MediaEndpoint): Promise<UacOutcome> {
    const sent = this.transaction?.request ?? invite;
    let dialog: Dialog;
    try {
      dialog = createUacDialog(sent, response, { transportSecure: this.options.flow.secure });
    } catch {
      return this.fail(502, 'The answer cannot start a dialog');
    }
    this.established = dialog;
    // The ACK for a 2xx is the TU's (§13.2.2.4), sent even when the call is ended at once after it.
    this.options.layer.sendStateless(dialog.createRequest('ACK', { cseq: 1 }), this.options.flow, { addVia: true });
    if (this.ended) {
      sendInDialog(this.options.layer, this.options.flow, dialog, 'BYE');
      return { kind: 'failed', status: 0, reason: 'Hung up before the answer' };
    }
    try {
      await endpoint.accept(getBodyText(response));
    } catch {
      this.hangUp();
      return { kind: 'failed', status: 488, reason: 'The answer has no usable audio' };
    }
    return { kind: 'answered', endpoint };
  }

  private readonly answerReinvite = (tx: ServerTransaction, request: SipRequest, sdp: string): void => {
    const dialog = this.established;
    if (!dialog) return;
    const ok = buildResponse(request, 200, {
      headers: [
        { name: 'Contact', value: dialog.localContact ?? `<sip:${this.options.caller.user}@${this.options.viaHost}>` },
        { name: 'Allow', value: LEG_ALLOW },
        { name: 'Content-Type', value: 'application/sdp' },
      ],
      body: sdp,
    });
    this.reanswered = answerInvite(tx, ok, { clock: this.options.clock, dialog, onAckTimeout: () => this.hangUp() });
  };

  private fail(status: number, reason: string): UacOutcome {
    this.end();
    return { kind: 'failed', status, reason };
  }
}
