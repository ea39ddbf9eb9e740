import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

/**
 * The console's session cookie: HttpOnly (page scripts cannot read it), SameSite=Strict (no other site's page makes
 * the browser send it), Path=/api (sent to the API only). Cookies ignore the port, so the name carries it: a web host
 * and a headless PBX on one machine keep separate sessions.
 */
export function sessionCookieName(req: IncomingMessage): string {
  return `hotdesk_console_${req.socket.localPort ?? 0}`;
}

export function isSecureRequest(req: IncomingMessage): boolean {
  return (req.socket as Partial<TLSSocket>).encrypted === true;
}

export function setSessionCookie(req: IncomingMessage, id: string): string {
  return [`${sessionCookieName(req)}=${id}`, 'Path=/api', 'HttpOnly', 'SameSite=Strict', ...(isSecureRequest(req) ? ['Secure'] : [])].join('; ');
}

export function clearSessionCookie(req: IncomingMessage): string {
  return [`${sessionCookieName(req)}=`, 'Path=/api', 'HttpOnly', 'SameSite=Strict', 'Max-Age=0', ...(isSecureRequest(req) ? ['Secure'] : [])].join('; ');
}

/** The session id the request's Cookie header carries for this port, else null. */
export function sessionIdOf(req: IncomingMessage): string | null {
  const name = sessionCookieName(req);
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    return /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
  }
  return null;
}
