import type { IncomingMessage } from 'node:http';
import { CONSOLE_REQUEST_HEADER } from '../../../shared/contracts';
import { AuthThrottle } from '../core';
import type { AdminCredentials } from './adminCredentials';
import { ApiError } from './http/apiError';
import { BASIC_CHALLENGE, parseBasicAuth } from './http/basicAuth';
import type { AdminSession, AdminSessions } from './session/adminSessions';
import { sessionIdOf } from './session/sessionCookie';

export interface AuthGuardOptions {
  credentials: AdminCredentials;
  sessions: AdminSessions;
  now(): number;
  /** Failed logins per source address within `windowMs` before it is refused (429), for longer each time. */
  maxFailures?: number;
  windowMs?: number;
}

/** Who made a request: the admin user, and the console session it came with (null for HTTP Basic). */
export interface Authenticated {
  user: string;
  session: AdminSession | null;
}

export interface AuthGuard {
  /** HTTP Basic credentials, else the console's session cookie; 401 (or 429 while throttled) otherwise. */
  authenticate(req: IncomingMessage): Promise<Authenticated>;
  /** The console's sign-in: the same check and the same throttle as HTTP Basic. */
  checkPassword(req: IncomingMessage, user: string, password: string): Promise<void>;
}

/**
 * Authentication with per-address throttling of wrong credentials. A login is counted as failed before its password
 * is hashed (and taken back if it was right), so guesses sent in parallel are throttled exactly like serial ones: at
 * most `maxFailures` of them ever reach the hash.
 */
export function createAuthGuard(options: AuthGuardOptions): AuthGuard {
  const windowMs = options.windowMs ?? 60_000;
  const throttle = new AuthThrottle(options.now, { maxFailures: options.maxFailures ?? 10, windowMs });
  const tooMany = (source: string) =>
    new ApiError(429, 'too-many-attempts', 'Too many failed logins from this address; wait and retry', {
      headers: { 'Retry-After': String(Math.ceil(Math.max(throttle.retryAfterMs(source, ''), windowMs) / 1000)) },
    });
  const refused = (req: IncomingMessage, code: 'unauthorized' | 'authentication-required', message: string) =>
    new ApiError(401, code, message, { headers: wantsBasicChallenge(req) ? { 'WWW-Authenticate': BASIC_CHALLENGE } : {} });
  // The admin has one user name: guesses are counted per address whatever name they carry.
  const sourceOf = (req: IncomingMessage) => req.socket.remoteAddress ?? 'unknown';

  async function checkPassword(req: IncomingMessage, user: string, password: string): Promise<void> {
    const source = sourceOf(req);
    if (throttle.retryAfterMs(source, '') > 0) throw tooMany(source);
    const wrong = () => refused(req, 'unauthorized', 'Wrong user name or password');
    await options.credentials.ready();
    const known = options.credentials.known(user, password);
    if (known !== undefined) {
      if (await known) return;
      throw wrong();
    }
    const attempt = throttle.begin(source, '');
    if (!attempt) throw tooMany(source);
    const matches = await options.credentials.verify(user, password).catch((error: unknown) => {
      attempt.forgiven();
      throw error;
    });
    if (!matches) {
      attempt.failed();
      throw wrong();
    }
    attempt.forgiven();
  }

  return {
    checkPassword,
    async authenticate(req) {
      const presented = parseBasicAuth(req.headers.authorization);
      if (presented) {
        await checkPassword(req, presented.user, presented.password);
        return { user: presented.user, session: null };
      }
      const id = sessionIdOf(req);
      const session = id === null ? null : options.sessions.use(id);
      if (session) return { user: session.user, session };
      if (id !== null) throw refused(req, 'authentication-required', 'The console session has ended; sign in again');
      if (throttle.retryAfterMs(sourceOf(req), '') > 0) throw tooMany(sourceOf(req));
      throw refused(req, 'authentication-required', 'This API needs HTTP Basic credentials');
    },
  };
}

/**
 * A Basic challenge makes a browser pop up its own login dialog. The console's requests (and any request a page's
 * script makes) get none: the console signs in with its form. Scripts and a browser opening an API URL get it.
 */
function wantsBasicChallenge(req: IncomingMessage): boolean {
  return req.headers[CONSOLE_REQUEST_HEADER.toLowerCase()] === undefined && req.headers['sec-fetch-dest'] !== 'empty';
}

/**
 * A state-changing request with cookie authentication, or to a public route (the sign-in), must come from the
 * console's script (CSRF: see CONSOLE_REQUEST_HEADER). HTTP Basic needs no header: browsers do not attach it unasked.
 */
export function requireConsoleHeader(req: IncomingMessage, auth: Authenticated | null): void {
  const basic = auth !== null && auth.session === null;
  if (basic || !UNSAFE.has(req.method ?? '')) return;
  if (req.headers[CONSOLE_REQUEST_HEADER.toLowerCase()] === '1') return;
  throw new ApiError(403, 'console-header-required', `A console request must carry the ${CONSOLE_REQUEST_HEADER} header`);
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses state-changing requests a browser sent on behalf of another site (the browser would attach the console's
 * cached Basic credentials): an `Origin` that is not this host, or `Sec-Fetch-Site: cross-site`.
 */
export function refuseCrossSite(req: IncomingMessage): void {
  if (!UNSAFE.has(req.method ?? '')) return;
  const site = req.headers['sec-fetch-site'];
  const origin = req.headers.origin;
  let crossOrigin = site === 'cross-site';
  if (origin !== undefined && origin !== 'null') {
    try {
      crossOrigin ||= new URL(origin).host !== req.headers.host;
    } catch {
      crossOrigin = true;
    }
  } else if (origin === 'null') {
    crossOrigin = true;
  }
  if (crossOrigin) throw new ApiError(403, 'cross-origin', 'Cross-site requests to the admin API are refused');
}
