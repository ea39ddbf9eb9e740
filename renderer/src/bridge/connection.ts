/** Whether the renderer can currently reach its device host. Only the web host's bridge can lose its connection. */
export type ConnectionState = 'connecting' | 'open' | 'closed';

export interface BridgeConnection {
  readonly connectionState: ConnectionState;
  onConnectionChange(listener: (state: ConnectionState) => void): () => void;
}
