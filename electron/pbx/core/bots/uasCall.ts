import { type AnsweredInvite, answerInvite, buildResponse, getCallId, type Clock, type Dialog, type Flow, findBodyPart, getBodyText, type IdSource, type ServerTransaction, type SipRequest, type SipResponse, type TransactionLayer } from '../../../sip';
import { loadMediaEndpoint, type MediaEndpoint, UnsupportedOfferError } from '../../media';
import { handleLegRequest, LEG_ALLOW, sendInDialog, sendInfoText } from './legRequests';


export interface UasCallOptions {
  tx: ServerTransaction;
  request: SipRequest;
  flow: Flow;
  /** The number the caller dialled; it becomes our Contact user. */
  user: string;
  /** Who answers, shown on the caller's display through P-Asserted-Identity (RFC 3325 §9.1). */
  displayName: string;
  domain: string;
  viaHost: string;
  mediaAddress: string;
  clock: Clock;
  ids: IdSource;
  layer: TransactionLayer;
  onEnded(call: UasCall): void;
  /** An in-dialog INFO from the caller (already answered 200), e.g. a DTMF key as `application/dtmf-relay`. */
  onInfo?(request: SipRequest): void;
}

/**
 * One call the PBX answers itself (a bot, the IVR): the SDP answer from a media endpoint, the 2xx/ACK exchange
 * (RFC 3261 §13.3.1.4) and the dialog's in-dialog requests.
 */
export class UasCall {
  readonly toTag: string;
  private endpoint: MediaEndpoint | null = null;
  private answered: AnsweredInvite | null = null;
  private ended = false;
  private failure: { status: number; reason: string } | null = null;

  constructor(private readonly options: UasCallOptions) {
    this.toTag = options.ids.tag();
  }

  get dialog(): Dialog | null {
    return this.answered?.dialog ?? null;
  }

  get serverTransactionId(): string {
    return this.options.tx.id;
  }

  get flowId(): string {
    return this.options.flow.id;
  }

  /** The INVITE this call answers. */
  get request(): SipRequest {
    return this.options.request;
  }

  get callId(): string {
    return getCallId(this.options.request) ?? '';
  }

  /** Why the call was not answered (the final response sent instead of 2xx), once answer() resolved null. */
  get failedWith(): { status: number; reason: string } {
    return this.failure ?? { status: 0, reason: 'The caller went away before the answer' };
  }

  /** Answers with SDP; resolves with the connected media endpoint, or null when the call did not come about. */
  async answer(): Promise<MediaEndpoint | null> {
    const { tx, request } = this.options;
    // The offer may share a multipart body with other parts, e.g. a location (RFC 6442).
    const offer = findBodyPart(request, 'application/sdp');
    if (!offer || offer.body.length === 0) {
      this.refuse(488, 'An SDP offer is required');
      return null;
    }
    const { createMediaEndpoint } = await loadMediaEndpoint();
    if (this.ended) return null;
    const endpoint = createMediaEndpoint({ bindAddress: this.options.mediaAddress });
    this.endpoint = endpoint;
    let answerSdp: string;
    try {
      answerSdp = await endpoint.answer(getBodyText(offer));
    } catch (error) {
      const reason = error instanceof UnsupportedOfferError ? error.message : 'Media negotiation failed';
      this.refuse(488, reason.replace(/[\r\n]/g, ' ').slice(0, 120));
      return null;
    }
    if (this.ended) return null;
    this.answered = answerInvite(tx, this.okWithSdp(request, answerSdp, this.toTag), {
      clock: this.options.clock,
      onAckTimeout: () => this.hangUp(),
    });
    if (!this.answered.sent) {
      this.failure = { status: 0, reason: 'The answer could not be sent: the caller is gone' };
      this.end();
      return null;
    }
    return endpoint;
  }

  private refuse(status: number, reason: string): void {
    this.failure = { status, reason };
    this.options.tx.respond(status, reason);
    this.end();
  }

  private okWithSdp(request: SipRequest, sdp: string, toTag?: string): SipResponse {
    return buildResponse(request, 200, {
      ...(toTag ? { toTag } : {}),
      headers: [
        { name: 'Contact', value: `<sip:${this.options.user}@${this.options.viaHost};transport=ws>` },
        { name: 'Allow', value: LEG_ALLOW },
        { name: 'P-Asserted-Identity', value: `"${this.options.displayName}" <sip:${this.options.user}@${this.options.domain}>` },
        { name: 'Content-Type', value: 'application/sdp' },
      ],
      body: sdp,
    });
  }

  receiveAck(ack: SipRequest): boolean {
    return this.answered?.receiveAck(ack) ?? false;
  }

  /** Handles a request in this call's dialog. */
  handleInDialog(tx: ServerTransaction, request: SipRequest): void {
    handleLegRequest(
      {
        dialog: this.dialog,
        endpoint: this.endpoint,
        answerReinvite: (reTx, reinvite, sdp) => this.answerReinvite(reTx, reinvite, sdp),
        end: () => this.end(),
        ...(this.options.onInfo ? { onInfo: this.options.onInfo } : {}),
      },
      tx,
      request,
    );
  }

  private answerReinvite(tx: ServerTransaction, request: SipRequest, sdp: string): void {
    const dialog = this.dialog;
    if (!dialog) return;
    this.answered = answerInvite(tx, this.okWithSdp(request, sdp), { clock: this.options.clock, dialog, onAckTimeout: () => this.hangUp() });
  }

  /** Sends text to the caller in an in-dialog INFO of an Info Package (RFC 6086 §4.2.1), e.g. a caption. */
  sendInfo(infoPackage: string, text: string): void {
    const dialog = this.dialog;
    if (dialog && !this.ended) sendInfoText(this.options.layer, this.options.flow, dialog, infoPackage, text);
  }

  /** The caller cancelled before the answer. */
  cancelled(): void {
    this.refuse(487, 'Request Terminated');
  }

  /** The PBX ends the call (BYE, RFC 3261 §15.1.1). */
  hangUp(): void {
    const dialog = this.dialog;
    if (dialog && !this.ended) sendInDialog(this.options.layer, this.options.flow, dialog, 'BYE');
    this.end();
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.answered?.stop();
    void this.endpoint?.close();
    this.options.onEnded(this);
  }
}
