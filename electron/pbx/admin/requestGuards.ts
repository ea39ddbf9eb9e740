import type { IncomingMessage } from 'node:http';
import { AuthThrottle } from '../core';
import type { AdminCredentials } from './adminCredentials';
import { ApiError } from './http/apiError';
import { BASIC_CHALLENGE, parseBasicAuth } from './http/basicAuth';

export interface AuthGuardOptions {
  credentials: AdminCredentials;
  now(): number;
  /** Failed logins per source address within `windowMs` before it is refused (429), for longer each time. */
  maxFailures?: number;
  windowMs?: number;
}

/**
 * HTTP Basic authentication with per-address throttling of wrong credentials; resolves with the user name. A login
 * is counted as failed before its password is hashed (and taken back if it was right), so guesses sent in parallel
 * are throttled exactly like serial ones: at most `maxFailures` of them ever reach the hash.
 */
export function createAuthGuard(options: AuthGuardOptions): (req: IncomingMessage) => Promise<string> {
  const windowMs = options.windowMs ?? 60_000;
  const throttle = new AuthThrottle(options.now, { maxFailures: options.maxFailures ?? 10, windowMs });
  const tooMany = (source: string) =>
    new ApiError(429, 'too-many-attempts', 'Too many failed logins from this address; wait and retry', {
      headers: { 'Retry-After': String(Math.ceil(Math.max(throttle.retryAfterMs(source, ''), windowMs) / 1000)) },
    });
  const refused = (presented: boolean) =>
    new ApiError(401, presented ? 'unauthorized' : 'authentication-required', presented ? 'Wrong user name or password' : 'This API needs HTTP Basic credentials', {
      headers: { 'WWW-Authenticate': BASIC_CHALLENGE },
    });
  return async (req) => {
    // The admin has one user name: guesses are counted per address whatever name they carry.
    const source = req.socket.remoteAddress ?? 'unknown';
    if (throttle.retryAfterMs(source, '') > 0) throw tooMany(source);
    const presented = parseBasicAuth(req.headers.authorization);
    if (!presented) throw refused(false);
    const known = options.credentials.known(presented.user, presented.password);
    if (known !== undefined) {
      if (await known) return presented.user;
      throw refused(true);
    }
    const attempt = throttle.begin(source, '');
    if (!attempt) throw tooMany(source);
    const matches = await options.credentials.verify(presented.user, presented.password).catch((error: unknown) => {
      attempt.forgiven();
      throw error;
    });
    if (!matches) {
      attempt.failed();
      throw refused(true);
    }
    attempt.forgiven();
    return presented.user;
  };
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
