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

export interface TransportUser {
  onMessage(flow: Flow, data: string): void;
  onFlowClosed(flow: Flow): void;
}
