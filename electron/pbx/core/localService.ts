import type { Flow, ServerTransaction, SipRequest } from '../../sip';

/**
 * An application the PBX runs itself (a bot, the IVR): it answers calls to some numbers and owns the dialogs it
 * creates. The core asks each in turn.
 */
export interface LocalService {
  /**
   * True when this service takes this out-of-dialog request without caller authentication: a device that has no
   * account yet asking for its profile (RFC 6080 plug-and-play SUBSCRIBE).
   */
  takesUnauthenticated?(request: SipRequest, user: string): boolean;
  /** Takes an out-of-dialog request to `user`; false when the number is not this service's. */
  handleRequest(tx: ServerTransaction, request: SipRequest, flow: Flow, user: string): boolean;
  /** Takes an in-dialog request of one of its dialogs; false when the dialog is not its own. */
  handleInDialog(tx: ServerTransaction, request: SipRequest, flow: Flow): boolean;
  /** An ACK for a 2xx of one of its dialogs, arriving on `flow`; false when not its own. */
  handleAck(request: SipRequest, flow: Flow): boolean;
  /** The caller cancelled an INVITE this service is handling; false when not its own. */
  handleCancel(tx: ServerTransaction): boolean;
  /** The flow is gone: calls on it are over. */
  flowClosed(flowId: string): void;
  close(): void;
}
