/** One connection a SIP message came in on and responses go back out on (RFC 7118 §5: one flow per WebSocket). */
export interface Flow {
  readonly id: string;
  readonly remoteAddress: string;
  readonly remotePort: number;
  readonly secure: boolean;
  /** Queues a message on the connection; false when the connection is gone. */
  send(message: string): boolean;
  close(reason: string): void;
}

/**
 * The open connections by flow id. The transport that accepted them is their one owner; the layers above look a flow
 * up here when a binding or a contact names it, and find nothing once the connection is gone.
 */
export interface FlowLookup {
  flowById(flowId: string): Flow | undefined;
}

export interface TransportUser {
  onMessage(flow: Flow, data: string): void;
  onFlowClosed(flow: Flow): void;
}
