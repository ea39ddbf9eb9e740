import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';

export type Interfaces = ReturnType<typeof networkInterfaces>;

/** The names a browser on this machine uses for the loopback interface. */
export const LOOPBACK_NAMES: readonly string[] = ['127.0.0.1', 'localhost', '::1'];

export { isLoopback, normaliseAddress } from '../../common';

/** `0.0.0.0` or `::`: the host listens on every interface. */
export function isWildcard(address: string): boolean {
  return address === '0.0.0.0' || address === '::';
}

/** The machine's own non-loopback addresses, IPv4 first, in interface-name order (stable across starts). */
export function interfaceAddresses(interfaces: Interfaces = networkInterfaces(), withIpv6 = true): string[] {
  const entries = Object.keys(interfaces)
    .sort()
    .flatMap((name) => interfaces[name] ?? [])
    .filter((entry) => !entry.internal && (entry.family === 'IPv4' || (withIpv6 && !entry.address.startsWith('fe80:'))));
  return [...entries.filter((entry) => entry.family === 'IPv4'), ...entries.filter((entry) => entry.family !== 'IPv4')].map((entry) => entry.address);
}

/** `host:port` for a URL, with IPv6 addresses in brackets. */
export function hostForUrl(address: string, port: number): string {
  return isIP(address) === 6 ? `[${address}]:${port}` : `${address}:${port}`;
}

export interface ListenOrigins {
  /** The host's own device page: loopback when reachable there, so the page counts as a local client. */
  local: string;
  /** What other machines use (provisioning URLs, SIP): a real address of this machine, never `0.0.0.0`. */
  public: string;
}

/** The origins to print and hand out for a server listening on `address:port`. */
export function listenOrigins(address: string, port: number, secure: boolean, interfaces: Interfaces = networkInterfaces()): ListenOrigins {
  const scheme = secure ? 'https' : 'http';
  if (isWildcard(address)) {
    const lan = interfaceAddresses(interfaces, address === '::')[0] ?? '127.0.0.1';
    return { local: `${scheme}://${hostForUrl('127.0.0.1', port)}`, public: `${scheme}://${hostForUrl(lan, port)}` };
  }
  const origin = `${scheme}://${hostForUrl(address, port)}`;
  return { local: origin, public: origin };
}
