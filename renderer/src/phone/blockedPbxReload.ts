/**
 * The page's Content-Security-Policy names the PBX WebSocket origins the host knew when it served the page (README,
 * "Security model"). A PBX configured since then — a new manual account's server, a site PBX — is refused by it; the
 * host serves the page again with that origin named, so the page reloads once per origin. Accounts on a server the
 * page may already reach re-register without a reload.
 */
export function reloadWhenPbxBlocked(win: Window = window): void {
  win.addEventListener('securitypolicyviolation', (event) => {
    if (event.effectiveDirective !== 'connect-src') return;
    const origin = webSocketOriginOf(event.blockedURI);
    if (!origin) return;
    const key = `hotdesk:csp-reload:${origin}`;
    if (win.sessionStorage.getItem(key) !== null) {
      console.warn(`[phone] the page may not reach ${origin}, even after a reload`);
      return;
    }
    win.sessionStorage.setItem(key, '1');
    win.location.reload();
  });
}

function webSocketOriginOf(uri: string): string | null {
  try {
    const url = new URL(uri);
    return url.protocol === 'ws:' || url.protocol === 'wss:' ? `${url.protocol}//${url.host}` : null;
  } catch {
    return null;
  }
}
