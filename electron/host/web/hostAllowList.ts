import type { IncomingMessage } from 'node:http';
import { interfaceAddresses, isLoopback, isWildcard, LOOPBACK_NAMES, normaliseAddress, type Interfaces } from './addresses';

/**
 * The names and addresses a request's Host header may carry: the address the host listens on (every interface
 * address for 0.0.0.0 / ::), the loopback names where loopback reaches it, and the configured server names.
 * Anything else is a DNS-rebinding page or a misdirected request (RFC 9110 §7.4: 421).
 */
export function allowedHostNames(listenHost: string, serverNames: readonly string[], interfaces?: Interfaces): Set<string> {
  const names = new Set(serverNames.map((name) => normaliseName(name)));
  if (isWildcard(listenHost)) {
    for (const name of [...LOOPBACK_NAMES, ...interfaceAddresses(interfaces, listenHost === '::')]) names.add(normaliseName(name));
  } else if (isLoopback(listenHost)) {
    for (const name of LOOPBACK_NAMES) names.add(name);
  } else names.add(normaliseName(listenHost));
  return names;
}

function normaliseName(name: string): string {
  return normaliseAddress(name.trim().replace(/\.$/, '').replace(/^\[(.*)\]$/, '$1'));
}

/** Splits a Host header (`name`, `name:port`, `[v6]:port`); null when it is not one. */
export function parseHostHeader(value: string | undefined): { name: string; port: number | null } | null {
  if (!value || value.length > 300) return null;
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^\s:[\]/@]+))(?::(\d{1,5}))?$/.exec(value);
  if (!match) return null;
  const name = normaliseName(match[1] ?? match[2] ?? '');
  return { name, port: match[3] === undefined ? null : Number(match[3]) };
}

export class HostAllowList {
  constructor(
    private readonly names: ReadonlySet<string>,
    private readonly port: () => number,
    private readonly secure: boolean,
  ) {}

  /** The request's Host, when it names this host on its port; null otherwise. */
  hostOf(request: IncomingMessage): string | null {
    const host = request.headers.host;
    const parsed = parseHostHeader(host);
    if (!parsed || !this.names.has(parsed.name)) return null;
    const port = parsed.port ?? (this.secure ? 443 : 80);
    return port === this.port() ? (host as string) : null;
  }
}

/** A client on this machine: loopback, or one of the machine's own addresses talking to itself. */
export function isLocalClient(request: IncomingMessage): boolean {
  const remote = request.socket.remoteAddress;
  if (!remote) return false;
  return isLoopback(remote) || normaliseAddress(remote) === normaliseAddress(request.socket.localAddress ?? '');
}
