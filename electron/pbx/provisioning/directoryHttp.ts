import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_DIRECTORY_QUERY } from '../../../shared/contracts/callHistory';
import { parseDigestCredentials } from '../../../shared/sip/digestHeader';
import { DIRECTORY_MAX_RESULTS, DIRECTORY_PATH } from '../../../shared/sip/phoneDirectory';
import type { AuthThrottle, DigestAuth } from '../core';
import { plain } from './httpReplies';
import { RateLimits } from './rateLimits';

export interface DirectoryEntryView {
  readonly number: string;
  readonly name: string;
}

export interface DirectoryHttpDeps {
  /** Digest under the SIP realm; it knows the HA1 of extensions only, so a pool identity cannot search. */
  auth: DigestAuth;
  /** Failed credentials per (address, user), as for SIP. */
  throttle: AuthThrottle;
  now(): number;
  /** Everyone in the directory: extension numbers and names. */
  entries(): readonly DirectoryEntryView[];
}

/** Searches per user: a burst of this many, then this many a second (typing with a short pause between keys). */
const SEARCH_BURST = 10;
const SEARCHES_PER_SECOND = 4;

/**
 * `GET /directory?q=` (shared/sip/phoneDirectory.ts). Only a user's own SIP credentials open it (no admin password in a
 * device); wrong ones are throttled like SIP's, and every user's searches are rate-limited. The answer carries the
 * name and number of the matching extensions — never a PIN, a hash, a device or a session. Returns false for other paths.
 */
export function createDirectoryHttp(deps: DirectoryHttpDeps): (request: IncomingMessage, response: ServerResponse) => boolean {
  const searches = new RateLimits(SEARCH_BURST, SEARCHES_PER_SECOND, deps.now);
  return (request, response) => {
    const target = request.url ?? '/';
    const url = new URL(target, 'http://pbx.invalid');
    if (url.pathname !== DIRECTORY_PATH) return false;
    if (request.method !== 'GET') {
      plain(response, 405, 'Method not allowed', { Allow: 'GET' });
      return true;
    }
    const header = request.headers.authorization;
    const user = header === undefined ? '' : (parseDigestCredentials(header)?.get('username') ?? '');
    const attempt = header === undefined ? null : deps.throttle.begin(request.socket.remoteAddress ?? 'unknown', user);
    if (header !== undefined && !attempt) {
      plain(response, 429, 'Too many failed authentication attempts, try again later', { 'Retry-After': '60' });
      return true;
    }
    const verdict = deps.auth.verifyHttp('GET', target, header);
    if (verdict.kind === 'failed' || verdict.kind === 'uri-mismatch') attempt?.failed();
    else attempt?.forgiven();
    if (verdict.kind === 'uri-mismatch') {
      plain(response, 400, 'The digest uri is not the request-target');
      return true;
    }
    if (verdict.kind !== 'ok') {
      const stale = verdict.kind === 'challenge' && verdict.stale;
      plain(response, 401, 'SIP credentials required', { 'WWW-Authenticate': deps.auth.challenge(stale) });
      return true;
    }
    if (!searches.take(verdict.user)) {
      plain(response, 429, 'Too many searches, slow down', { 'Retry-After': '1' });
      return true;
    }
    const query = url.searchParams.get('q') ?? '';
    if (query.length > MAX_DIRECTORY_QUERY) {
      plain(response, 400, `The search is longer than ${MAX_DIRECTORY_QUERY} characters`);
      return true;
    }
    const entries = searchDirectory(deps.entries(), query);
    response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
    response.end(JSON.stringify({ entries }));
    return true;
  };
}

/**
 * The entries matching `query`: a number that starts with it, or a name with a word that does (case and accents
 * ignored); an empty query matches everyone. Sorted by name, at most DIRECTORY_MAX_RESULTS.
 */
export function searchDirectory(all: readonly DirectoryEntryView[], query: string): DirectoryEntryView[] {
  const wanted = fold(query.trim());
  const matches = all.filter((entry) => {
    const name = fold(entry.name);
    return wanted === '' || entry.number.startsWith(wanted) || name.startsWith(wanted) || name.split(/\s+/).some((word) => word.startsWith(wanted));
  });
  return matches
    .map((entry) => ({ number: entry.number, name: entry.name }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.number.localeCompare(b.number))
    .slice(0, DIRECTORY_MAX_RESULTS);
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
