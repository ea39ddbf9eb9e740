/**
 * Whether a browser page of `origin` may open the PBX's SIP WebSocket (cross-site WebSocket hijacking, RFC 6455
 * §10.2): its host:port must be the Host the connection came to, or its host name one of the names the PBX is
 * configured under. An opaque origin (`null`) or one that is not a URL is refused.
 */
export function isAllowedOrigin(origin: string, hostHeader: string | undefined, allowedHostNames: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.origin === 'null' || url.host === '') return false;
  if (hostHeader !== undefined && url.host.toLowerCase() === hostHeader.toLowerCase()) return true;
  const name = url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return allowedHostNames.some((allowed) => allowed.toLowerCase().replace(/^\[(.*)\]$/, '$1') === name);
}
