import WebSocket from 'ws';
import type { WireServerMessage } from '../../../shared/contracts';

/** A bare WebSocket client speaking the bridge's wire protocol, to test the web host as a browser page would. */
export class BridgeTestClient {
  private nextId = 1;
  readonly received: WireServerMessage[] = [];
  private waiters: Array<() => void> = [];

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.received.push(JSON.parse(data.toString()) as WireServerMessage);
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  static async connect(url: string, headers: Record<string, string> = {}, options: WebSocket.ClientOptions = {}): Promise<BridgeTestClient> {
    const socket = new WebSocket(url, { ...options, headers });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new BridgeTestClient(socket);
  }

  async request(name: unknown, args: unknown[] = []): Promise<WireServerMessage> {
    const id = this.nextId++;
    this.socket.send(JSON.stringify({ type: 'request', id, name, args }));
    return this.waitFor((message) => message.type === 'result' && message.id === id);
  }

  sendRaw(data: string | Buffer): void {
    this.socket.send(data);
  }

  async waitFor(match: (message: WireServerMessage) => boolean): Promise<WireServerMessage> {
    for (;;) {
      const found = this.received.find(match);
      if (found) return found;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  close(): void {
    this.socket.close();
  }
}
