import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { parseUri, type Uri, urisEqual } from '../../../sip';
import { formatDigestChallenge, parseDigestCredentials } from '../../../../shared/sip/digestHeader';

const NONCE_LIFETIME_MS = 5 * 60_000;

function md5(text: string): string {
  return createHash('md5').update(text).digest('hex');
}

/** HA1 = MD5(username ":" realm ":" password) — the only form a password is stored in (RFC 2617 §3.2.2.2). */
export function computeHa1(user: string, realm: string, password: string): string {
  return md5(`${user}:${realm}:${password}`);
}

export type DigestVerdict =
  | { kind: 'ok'; user: string }
  | { kind: 'challenge'; stale: boolean }
  | { kind: 'failed'; user: string; reason: string }
  /** Credentials for another request (RFC 2617 §3.2.2.5): answered 400, and counted as a failure. */
  | { kind: 'uri-mismatch'; user: string };

export interface DigestAuthOptions {
  realm: string;
  now: () => number;
  /** Finds a user's HA1; null for an unknown user (answered exactly like a wrong password). */
  findHa1(user: string): string | null;
  secret?: Buffer;
}

/**
 * Digest authentication, MD5 with qop=auth (RFC 2617, RFC 8760). Nonces are stateless (time + random + HMAC) so any
 * number of clients can be challenged without storing anything; nonce-count replays are refused per nonce.
 */
export class DigestAuth {
  private readonly secret: Buffer;
  private readonly opaque: string;
  private readonly lastNonceCount = new Map<string, number>();
  // A fixed HA1 for unknown users, so an unknown user costs the same work as a known one.
  private readonly decoyHa1 = md5(randomBytes(16).toString('hex'));

  constructor(private readonly options: DigestAuthOptions) {
    this.secret = options.secret ?? randomBytes(32);
    this.opaque = randomBytes(8).toString('hex');
  }

  get realm(): string {
    return this.options.realm;
  }

  challenge(stale = false): string {
    return formatDigestChallenge({ realm: this.options.realm, nonce: this.makeNonce(), opaque: this.opaque, stale });
  }

  /**
   * Checks the credentials in `authorization` (undefined when the request carried none) for `request`. Their `uri`
   * must be the request's Request-URI, compared as URIs (RFC 3261 §22.4, RFC 2617 §3.2.2.5): credentials seen on
   * one request cannot be replayed on another.
   */
  verify(request: { method: string; requestUri: Uri }, authorization: string | undefined): DigestVerdict {
    return this.check(request.method, (uri) => {
      const digestUri = parseUri(uri);
      return digestUri ? urisEqual(digestUri, request.requestUri) : false;
    }, authorization);
  }

  /** The same check for an HTTP request (RFC 7616 §3.4): the `uri` must be the request-target exactly. */
  verifyHttp(method: string, target: string, authorization: string | undefined): DigestVerdict {
    return this.check(method, (uri) => uri === target, authorization);
  }

  private check(method: string, isRequestUri: (uri: string) => boolean, authorization: string | undefined): DigestVerdict {
    if (authorization === undefined) return { kind: 'challenge', stale: false };
    const params = parseDigestCredentials(authorization);
    const user = params?.get('username') ?? '';
    if (!params) return { kind: 'failed', user, reason: 'malformed credentials' };
    const [nonce, uri, response, cnonce, nc, qop] = ['nonce', 'uri', 'response', 'cnonce', 'nc', 'qop'].map((k) => params.get(k));
    if (params.get('realm') !== this.options.realm) return { kind: 'challenge', stale: false };
    const algorithm = params.get('algorithm');
    if (algorithm !== undefined && algorithm.toUpperCase() !== 'MD5') return { kind: 'failed', user, reason: 'unsupported algorithm' };
    if (!nonce || !uri || !response || qop !== 'auth' || !cnonce || !nc || !/^[0-9a-fA-F]{8}$/.test(nc)) {
      return { kind: 'failed', user, reason: 'incomplete credentials' };
    }
    if (!isRequestUri(uri)) return { kind: 'uri-mismatch', user };
    const nonceState = this.checkNonce(nonce);
    if (nonceState === 'forged') return { kind: 'challenge', stale: false };
    const ha1 = this.options.findHa1(user);
    const ha2 = md5(`${method}:${uri}`);
    const expected = md5(`${ha1 ?? this.decoyHa1}:${nonce}:${nc}:${cnonce}:${qop}:${ha2}`);
    if (ha1 === null || !safeEqual(expected, response.toLowerCase())) return { kind: 'failed', user, reason: 'wrong credentials' };
    if (nonceState === 'expired') return { kind: 'challenge', stale: true };
    const count = parseInt(nc, 16);
    if (count <= (this.lastNonceCount.get(nonce) ?? 0)) return { kind: 'challenge', stale: true };
    this.rememberCount(nonce, count);
    return { kind: 'ok', user };
  }

  private makeNonce(): string {
    const body = `${this.options.now().toString(36)}.${randomBytes(8).toString('hex')}`;
    return `${body}.${this.sign(body)}`;
  }

  private checkNonce(nonce: string): 'fresh' | 'expired' | 'forged' {
    const lastDot = nonce.lastIndexOf('.');
    const body = nonce.slice(0, lastDot);
    if (lastDot < 0 || !safeEqual(this.sign(body), nonce.slice(lastDot + 1))) return 'forged';
    const issued = parseInt(body.split('.')[0] ?? '', 36);
    return this.options.now() - issued > NONCE_LIFETIME_MS ? 'expired' : 'fresh';
  }

  private sign(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url').slice(0, 22);
  }

  private rememberCount(nonce: string, count: number): void {
    this.lastNonceCount.set(nonce, count);
    if (this.lastNonceCount.size > 50_000) {
      // Oldest first (Map keeps insertion order); an evicted nonce is still bounded by its lifetime.
      for (const key of [...this.lastNonceCount.keys()].slice(0, 10_000)) this.lastNonceCount.delete(key);
    }
  }
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
