import {
  headerKey,
  hostKind,
  hostsEqual,
  parseVia,
  serializeVia,
  setParam,
  splitHeaderList,
  type SipRequest,
} from '../message';
import type { Flow } from '../flow';

/** The source address as a Via host: an IPv6 address gets its brackets; undefined if it is not an IP address. */
function sourceHost(address: string): string | undefined {
  if (hostKind(address) === 'ipv4') return address;
  return hostKind(`[${address}]`) === 'ipv6' ? `[${address}]` : undefined;
}

/**
 * Records where a request came from in its top Via: `received` when the sent-by host is not the source address
 * (RFC 3261 §18.2.1), and always together with the source port when the Via asks with an empty `rport` (RFC 3581
 * §4). WebSocket clients put a made-up `.invalid` host in their Via (RFC 7118 §5.2), so for them `received` is
 * always added. Leaves the request unchanged if the flow's address is not an IP address.
 */
export function stampReceived(request: SipRequest, flow: Flow): void {
  const index = request.headers.findIndex((header) => headerKey(header.name) === 'via');
  const line = request.headers[index];
  if (line === undefined) return;
  const values = splitHeaderList(line.value);
  const top = values[0] === undefined ? undefined : parseVia(values[0]);
  const host = sourceHost(flow.remoteAddress);
  if (top === undefined || host === undefined) return;

  const rport = top.rport === true;
  if (!rport && hostsEqual(top.host, host)) return;
  const params = [...top.params];
  setParam(params, 'received', flow.remoteAddress);
  if (rport) setParam(params, 'rport', String(flow.remotePort));

  const stamped = serializeVia({ ...top, params });
  if (parseVia(stamped) === undefined) return;
  values[0] = stamped;
  request.headers[index] = { name: line.name, value: values.join(', ') };
}
