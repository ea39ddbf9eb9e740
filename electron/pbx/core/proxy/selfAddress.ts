import { getUriParam, type SipUri, type Uri } from '../../../sip';

/** How the PBX names itself: in its Via and Record-Route, and which Request-URI/Route hosts mean "here". */
export class SelfAddress {
  private readonly hosts: Set<string>;

  constructor(
    /** host[:port] written in Via sent-by and Record-Route. */
    readonly viaHost: string,
    /** The SIP domain users are addressed in, e.g. `hotdesk.local`. */
    readonly domain: string,
    aliases: readonly string[] = [],
  ) {
    const bare = (host: string) => host.toLowerCase().replace(/:\d+$/, '');
    this.hosts = new Set([viaHost, domain, ...aliases, 'localhost', '127.0.0.1'].map(bare));
  }

  isSelf(uri: Uri): boolean {
    return uri.kind === 'sip' && this.hosts.has(uri.host.toLowerCase());
  }

  /** A Route header value pointing here (loose routing, RFC 3261 §16.4). */
  isOwnRoute(uri: Uri): boolean {
    return this.isSelf(uri) && getUriParam(uri as SipUri, 'lr') !== undefined;
  }

  recordRoute(secure: boolean): string {
    return `<sip:${this.viaHost};transport=${secure ? 'wss' : 'ws'};lr>`;
  }
}
