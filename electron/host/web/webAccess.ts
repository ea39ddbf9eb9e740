import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { isLocalClient, type HostAllowList } from './hostAllowList';
import type { PageSecret } from './pageSecret';

export interface Refusal {
  status: 403 | 421;
  message: string;
}

export interface WebAccessOptions {
  hosts: HostAllowList;
  secret: PageSecret;
  secure: boolean;
  /** --allow-remote-devices: device pages and the bridge for other machines too (they get no credentials). */
  allowRemoteDevices: boolean;
}

const PLAIN_HTTP =
  'This host serves other machines over HTTPS only: start it with --tls-cert and --tls-key (README, "Security model")';
const LOCAL_PAGES = 'Device pages are served to this machine only; start the host with --allow-remote-devices to change that';

/** Who may use which part of the web host (README, "Security model"). Each check answers a Refusal or null. */
export class WebAccess {
  constructor(private readonly options: WebAccessOptions) {}

  /** Every request and upgrade, before any handler: a Host this server does not answer to is a rebinding page. */
  hostRefusal(request: IncomingMessage): Refusal | null {
    if (this.options.hosts.hostOf(request) !== null) return null;
    return { status: 421, message: `This server does not answer to the host name ${JSON.stringify((request.headers.host ?? '').slice(0, 80))}` };
  }

  /** Every plain HTTP request: over plain HTTP only this machine is served (the admin API and documents carry secrets). */
  httpRefusal(request: IncomingMessage): Refusal | null {
    const wrongHost = this.hostRefusal(request);
    if (wrongHost) return wrongHost;
    return this.options.secure || isLocalClient(request) ? null : { status: 403, message: PLAIN_HTTP };
  }

  /** The device pages (the renderer's files). */
  pageRefusal(request: IncomingMessage): Refusal | null {
    return isLocalClient(request) || this.options.allowRemoteDevices ? null : { status: 403, message: LOCAL_PAGES };
  }

  /** The bridge WebSocket: a page of this host, from this machine (or allowed remote), with this start's secret. */
  bridgeRefusal(request: IncomingMessage): Refusal | null {
    const local = isLocalClient(request);
    const refusal = this.pageRefusal(request) ?? (this.options.secure || local ? null : { status: 403, message: PLAIN_HTTP });
    if (refusal) return refusal;
    if (!this.originMatches(request)) return { status: 403, message: 'The bridge answers pages of this host only (Origin)' };
    if (!this.options.secret.presentIn(request)) return { status: 403, message: 'The bridge needs the page secret of this start: reload the page' };
    if (!local && !new URL(request.url ?? '/', 'http://host').searchParams.get('mac')) {
      return { status: 403, message: 'A page from another machine must name its device with ?mac=' };
    }
    return null;
  }

  isRemote(request: IncomingMessage): boolean {
    return !isLocalClient(request);
  }

  private originMatches(request: IncomingMessage): boolean {
    const origin = request.headers.origin;
    const host = this.options.hosts.hostOf(request);
    if (!origin || !host) return false;
    try {
      const page = new URL(origin);
      const self = new URL(`${this.options.secure ? 'https' : 'http'}://${host}`);
      return page.protocol === self.protocol && page.host === self.host;
    } catch {
      return false;
    }
  }
}

export function refuseHttp(response: ServerResponse, refusal: Refusal): void {
  response.writeHead(refusal.status, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' }).end(refusal.message);
}

export function refuseUpgrade(socket: Duplex, refusal: Refusal): void {
  const body = Buffer.from(refusal.message);
  const head = [`HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status]}`, 'Connection: close', 'Content-Type: text/plain; charset=utf-8', `Content-Length: ${body.length}`];
  socket.end(Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`), body]));
}
