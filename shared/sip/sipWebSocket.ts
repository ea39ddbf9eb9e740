/** The path of the SIP WebSocket (RFC 7118) on every Hotdesk HTTP server: the web host's and the headless PBX's. */
export const SIP_PATH = '/sip';

/** `ws://<authority>/sip`, or `wss://` when `secure`; `authority` is `host[:port]` (an IPv6 host in brackets). */
export function sipWebSocketUrl(secure: boolean, authority: string): string {
  return `${secure ? 'wss' : 'ws'}://${authority}${SIP_PATH}`;
}

/** The SIP WebSocket of the server at an `http://` or `https://` origin: the same host and port, over ws or wss. */
export function sipWebSocketUrlOf(origin: string): string {
  const match = /^http(s?):\/\/([^/?#]+)/i.exec(origin);
  if (!match) throw new TypeError(`Not an http(s) origin: ${origin}`);
  return sipWebSocketUrl(match[1] !== '', match[2] as string);
}
