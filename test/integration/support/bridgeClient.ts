import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import WebSocket from 'ws';
import type { WireServerMessage } from '../../../shared/contracts';

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Socket options for the test's client: a source address (to play another machine), TLS trust. */
export type ClientOptions = Pick<WebSocket.ClientOptions, 'localAddress' | 'rejectUnauthorized'>;

/** A plain GET, as a browser or a LAN attacker would send it (any Host header). */
export function httpGet(url: string, headers: Record<string, string> = {}, options: ClientOptions = {}): Promise<HttpAnswer> {
  const send = url.startsWith('https:') ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(url, { headers, ...options }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

/** The `name=value` of the page-secret cookie a page response sets, or null. */
export function pageSecretCookie(answer: HttpAnswer): string | null {
  const cookie = (answer.headers['set-cookie'] ?? []).find((line) => line.startsWith('hotdesk-bridge-'));
  return cookie ? (cookie.split(';')[0] as string) : null;
}

/** The status a WebSocket upgrade gets: 101 when it opens (the socket is closed again), else the refusal's. */
export function upgradeStatus(url: string, headers: Record<string, string> = {}, options: ClientOptions & { protocol?: string } = {}): Promise<number> {
  const { protocol, ...socketOptions } = options;
  const socket = new WebSocket(url, protocol ?? [], { ...socketOptions, headers });
  return new Promise((resolve, reject) => {
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      response.resume();
      socket.terminate();
    });
    socket.once('open', () => {
      resolve(101);
      socket.close();
    });
    socket.once('error', (error) => reject(error));
  });
}

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

  /**
   * Does what a browser does: loads the page `${origin}/${query}` (which sets the page-secret cookie), then opens its
   * bridge with that cookie and the page's Origin.
   */
  static async openPage(origin: string, query = '', options: ClientOptions = {}): Promise<BridgeTestClient> {
    const page = await httpGet(`${origin}/${query}`, {}, options);
    const cookie = pageSecretCookie(page);
    if (!cookie) throw new Error(`${origin}/${query} answered ${page.status} without a page secret: ${page.body.slice(0, 200)}`);
    return BridgeTestClient.connect(`${origin.replace(/^http/, 'ws')}/bridge${query}`, { Origin: origin, Cookie: cookie }, options);
  }

  async request(name: unknown, args: unknown[] = []): Promise<WireServerMessage> {
    const id = this.nextId++;
    this.socket.send(JSON.stringify({ type: 'request', id, name, args }));
    return this.waitFor((message) => message.type === 'result' && message.id === id);
  }

  /** The page's device view once its provisioning document is in: from the request, or from the device.changed event. */
  async provisionedView(): Promise<unknown> {
    const provisioned = (view: unknown) => (view as { identity: unknown } | undefined)?.identity != null;
    const answer = await this.request('device.view');
    if (answer.type === 'result' && answer.ok && provisioned(answer.result)) return answer.result;
    const event = await this.waitFor((m) => m.type === 'event' && m.name === 'device.changed' && provisioned(m.payload));
    return event.type === 'event' ? event.payload : undefined;
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
