import { type Dialog, type Flow, getBodyText, type ServerTransaction, setBody, setHeader, type SipRequest, type TransactionLayer } from '../../../sip';
import type { MediaEndpoint } from '../../media';

/** The methods a call leg of the PBX's own (answered or placed) takes in its dialog. */
export const LEG_ALLOW = 'INVITE, ACK, CANCEL, BYE, INFO, UPDATE, OPTIONS';

/** A call leg of the PBX's own, as its in-dialog requests see it. */
export interface OwnLeg {
  readonly dialog: Dialog | null;
  readonly endpoint: MediaEndpoint | null;
  /** Sends our 200 with `sdp` to a re-INVITE, and waits for its ACK. */
  answerReinvite(tx: ServerTransaction, request: SipRequest, sdp: string): void;
  /** The far end hung up (BYE). */
  end(): void;
  /** An in-dialog INFO (already answered 200). */
  onInfo?(request: SipRequest): void;
}

/** Answers a request in the leg's dialog (RFC 3261 §12.2.2): BYE ends it, a re-INVITE (hold/resume) gets a new answer. */
export function handleLegRequest(leg: OwnLeg, tx: ServerTransaction, request: SipRequest): void {
  const dialog = leg.dialog;
  if (!dialog || !dialog.acceptRemoteCSeq(request)) {
    tx.respond(500, 'CSeq out of order');
    return;
  }
  switch (request.method) {
    case 'BYE':
      tx.respond(200);
      leg.end();
      return;
    case 'INVITE':
      void reinvite(leg, tx, request);
      return;
    case 'INFO':
      tx.respond(200);
      leg.onInfo?.(request);
      return;
    case 'UPDATE':
    case 'OPTIONS':
    case 'NOTIFY':
      tx.respond(200);
      return;
    default:
      tx.respond(405, undefined, { headers: [{ name: 'Allow', value: LEG_ALLOW }] });
  }
}

/** A re-INVITE (hold/resume) gets a new answer from the same endpoint. */
async function reinvite(leg: OwnLeg, tx: ServerTransaction, request: SipRequest): Promise<void> {
  if (!leg.endpoint || request.body.length === 0) {
    tx.respond(488, 'An SDP offer is required');
    return;
  }
  try {
    const sdp = await leg.endpoint.answer(getBodyText(request));
    if (leg.dialog) leg.answerReinvite(tx, request, sdp);
  } catch {
    tx.respond(488, 'Media negotiation failed');
  }
}

/** Sends text in an in-dialog INFO of an Info Package (RFC 6086 §4.2.1), e.g. a caption; nobody waits for the answer. */
export function sendInfoText(layer: TransactionLayer, flow: Flow, dialog: Dialog, infoPackage: string, text: string): void {
  const info = dialog.createRequest('INFO');
  setHeader(info, 'Info-Package', infoPackage);
  setBody(info, text, 'text/plain;charset=utf-8');
  layer.sendRequest(info, flow, { onFinal: () => {}, onTimeout: () => {} });
}

/** Sends an in-dialog request nobody waits for the answer to (a BYE). */
export function sendInDialog(layer: TransactionLayer, flow: Flow, dialog: Dialog, method: string): void {
  layer.sendRequest(dialog.createRequest(method), flow, { onFinal: () => {}, onTimeout: () => {} });
}
