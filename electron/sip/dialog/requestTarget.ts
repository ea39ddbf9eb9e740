import { parseNameAddr, serializeUri, type Uri } from '../message';

/** Where an in-dialog request goes: its Request-URI and Route header values (RFC 3261 §12.2.1.1). */
export interface RequestTarget {
  requestUri: Uri;
  routes: string[];
}

function isLooseRouter(uri: Uri): boolean {
  return uri.kind === 'sip' && uri.params.some((param) => param.name.toLowerCase() === 'lr');
}

/** A URI as a Request-URI: without the parameters and headers not allowed there (§19.1.1, Table 1). */
function asRequestUri(uri: Uri): Uri {
  if (uri.kind !== 'sip') return uri;
  return { ...uri, params: uri.params.filter((param) => param.name.toLowerCase() !== 'method'), headers: [] };
}

/**
 * §12.2.1.1: with an empty route set the request goes to the remote target; if the first route is a loose router
 * (`;lr`) the Request-URI is the remote target and the Route header fields are the route set; otherwise (a strict
 * router, RFC 2543) the Request-URI is the first route and the remote target is appended as the last route.
 */
export function requestTarget(routeSet: readonly string[], remoteTarget: Uri): RequestTarget {
  const first = routeSet[0];
  if (first === undefined) return { requestUri: remoteTarget, routes: [] };
  const route = parseNameAddr(first, { requireBrackets: true });
  if (route === undefined || isLooseRouter(route.uri)) return { requestUri: remoteTarget, routes: [...routeSet] };
  return { requestUri: asRequestUri(route.uri), routes: [...routeSet.slice(1), `<${serializeUri(remoteTarget)}>`] };
}
