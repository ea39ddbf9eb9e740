/**
 * The renderer's Content-Security-Policy. `connect-src` names the PBX WebSocket origins the page may reach — the web
 * host's own and any configured PBX — rather than every `ws:` / `wss:` host.
 */
export function contentSecurityPolicy(connectOrigins: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    ["connect-src 'self'", ...new Set(connectOrigins)].join(' '),
    "media-src 'self' blob: mediastream:",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The WebSocket origin of a URL (`https://h:1/x` → `wss://h:1`, `ws://h/sip` → `ws://h`); null for anything else. */
export function webSocketOrigin(url: string): string | null {
  try {
    const parsed = new URL(url);
    const scheme = { 'http:': 'ws:', 'https:': 'wss:', 'ws:': 'ws:', 'wss:': 'wss:' }[parsed.protocol];
    return scheme ? `${scheme}//${parsed.host}` : null;
  } catch {
    return null;
  }
}
