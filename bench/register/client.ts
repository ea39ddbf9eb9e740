import { createHash, randomBytes } from 'node:crypto';
import WebSocket from 'ws';

/** A SIP account of the PBX under load (the demo accounts: `100`–`105`, password `sip-<ext>`). */
export interface Account {
  user: string;
  password: string;
  domain: string;
}

export interface Challenge {
  realm: string;
  nonce: string;
  opaque: string | undefined;
  stale: boolean;
}

export type RegistrationResult =
  | {
      kind: 'registered';
      sentAt: number;
      completedAt: number;
      /** REGISTER transactions this registration took: 1 with a reused nonce, 2 after a 401 challenge. */
      transactions: number;
      challenges: number;
      staleChallenges: number;
    }
  | { kind: 'error'; reason: string; fatal: boolean; completedAt: number; transactions: number };

export const TRANSACTION_TIMEOUT_MS = 5_000;
const EXPIRES = 600;

const md5 = (text: string) => createHash('md5').update(text).digest('hex');
const token = (bytes: number) => randomBytes(bytes).toString('hex');

/** The Digest challenge of a `WWW-Authenticate` value, or null when it is not an MD5 / qop=auth one we can answer. */
export function parseChallenge(value: string): Challenge | null {
  if (!/^\s*Digest\s/i.test(value)) return null;
  const params = new Map<string, string>();
  for (const match of value.matchAll(/([A-Za-z-]+)\s*=\s*(?:"([^"]*)"|([^\s,]+))/g)) {
    params.set((match[1] as string).toLowerCase(), match[2] ?? (match[3] as string));
  }
  const realm = params.get('realm');
  const nonce = params.get('nonce');
  const algorithm = params.get('algorithm') ?? 'MD5';
  const qop = (params.get('qop') ?? '').split(',').map((q) => q.trim());
  if (!realm || !nonce || algorithm.toUpperCase() !== 'MD5' || !qop.includes('auth')) return null;
  return { realm, nonce, opaque: params.get('opaque'), stale: params.get('stale')?.toLowerCase() === 'true' };
}

interface Pending {
  cseq: number;
  resolve(text: string): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * One SIP-over-WebSocket UA that keeps one registration of its own (own Call-ID, From tag and
 * `sip:<random>@<random>.invalid;transport=ws` Contact) fresh, like a softphone refreshing: the first REGISTER goes
 * without credentials, the 401's nonce is then reused with an incrementing nonce count until the server says stale.
 * One REGISTER outstanding at a time (RFC 3261 §10.2).
 */
export class RegisterClient {
  private readonly callId = `${token(12)}@bench.invalid`;
  private readonly fromTag = token(6);
  private readonly viaHost = `${token(6)}.invalid`;
  private readonly contact: string;
  private readonly uri: string;
  private cseq = 0;
  private challenge: Challenge | null = null;
  private ha1 = '';
  private ha2 = '';
  private nonceCount = 0;
  private pending: Pending | null = null;
  private closedWith: string | null = null;

  private constructor(
    private readonly ws: WebSocket,
    private readonly account: Account,
  ) {
    this.contact = `<sip:${token(5)}@${this.viaHost};transport=ws>;expires=${EXPIRES}`;
    this.uri = `sip:${account.domain}`;
    ws.on('message', (data: Buffer) => this.onMessage(data.toString('utf8')));
    ws.on('close', (code, reason) => {
      this.closedWith = `WebSocket closed ${code}${reason.length ? ` ${reason.toString()}` : ''}`;
      const pending = this.pending;
      if (pending) {
        clearTimeout(pending.timer);
        this.pending = null;
        pending.reject(new Error(this.closedWith));
      }
    });
    ws.on('error', () => {
      // 'close' follows and carries the reason
    });
  }

  static connect(url: string, account: Account): Promise<RegisterClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, 'sip', { perMessageDeflate: false, handshakeTimeout: 10_000 });
      ws.once('open', () => {
        ws.removeAllListeners('error');
        if (ws.protocol !== 'sip') {
          ws.terminate();
          reject(new Error(`server chose subprotocol "${ws.protocol}", not "sip"`));
          return;
        }
        resolve(new RegisterClient(ws, account));
      });
      ws.once('error', (error) => reject(error));
    });
  }

  get closed(): string | null {
    return this.closedWith;
  }

  /**
   * One registration refresh: REGISTER (with credentials when a nonce is known), answering at most two 401s.
   * `fresh` forgets the nonce first, so the refresh pays the full challenge round trip.
   */
  async register(fresh: boolean): Promise<RegistrationResult> {
    if (fresh) this.challenge = null;
    const sentAt = performance.now();
    let transactions = 0;
    let challenges = 0;
    let staleChallenges = 0;
    const fail = (reason: string, fatal: boolean): RegistrationResult => ({ kind: 'error', reason, fatal, completedAt: performance.now(), transactions });
    while (transactions < 3) {
      if (this.closedWith) return fail(this.closedWith, true);
      const withCredentials = this.challenge !== null;
      transactions += 1;
      let response: string;
      try {
        response = await this.transact(this.buildRegister());
      } catch (error) {
        return fail((error as Error).message, this.closedWith !== null);
      }
      const status = Number(response.slice(8, 11));
      if (status === 200) {
        return { kind: 'registered', sentAt, completedAt: performance.now(), transactions, challenges, staleChallenges };
      }
      if (status !== 401) {
        const reason = response.slice(8, response.indexOf('\r\n'));
        // 403 is the PBX's auth-failure throttle (or an AOR mismatch): stop rather than make it worse.
        return fail(`${reason}`, status === 403);
      }
      const header = /\r\nWWW-Authenticate:[ \t]*([^\r\n]+)/i.exec(response)?.[1];
      const challenge = header ? parseChallenge(header) : null;
      if (!challenge) return fail('401 without a usable MD5/qop=auth challenge', true);
      if (withCredentials && !challenge.stale) {
        // Our credentials are right, so this means the server forgot or refused the nonce: never retry blindly.
        return fail('401 to correct credentials (not stale)', true);
      }
      challenges += 1;
      if (challenge.stale) staleChallenges += 1;
      this.useChallenge(challenge);
    }
    return fail('still challenged after 3 REGISTERs', true);
  }

  close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.ws.terminate();
        resolve();
      }, 2_000);
      this.ws.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      this.ws.close(1000);
    });
  }

  private useChallenge(challenge: Challenge): void {
    this.challenge = challenge;
    this.nonceCount = 0;
    this.ha1 = md5(`${this.account.user}:${challenge.realm}:${this.account.password}`);
    this.ha2 = md5(`REGISTER:${this.uri}`);
  }

  private buildRegister(): string {
    this.cseq += 1;
    const { user, domain } = this.account;
    let authorization = '';
    if (this.challenge) {
      this.nonceCount += 1;
      const nc = this.nonceCount.toString(16).padStart(8, '0');
      const cnonce = token(8);
      const { realm, nonce, opaque } = this.challenge;
      const response = md5(`${this.ha1}:${nonce}:${nc}:${cnonce}:auth:${this.ha2}`);
      authorization =
        `Authorization: Digest username="${user}", realm="${realm}", nonce="${nonce}", uri="${this.uri}", response="${response}", ` +
        `algorithm=MD5, cnonce="${cnonce}"${opaque === undefined ? '' : `, opaque="${opaque}"`}, qop=auth, nc=${nc}\r\n`;
    }
    return (
      `REGISTER ${this.uri} SIP/2.0\r\n` +
      `Via: SIP/2.0/WS ${this.viaHost};branch=z9hG4bK${token(8)};rport\r\n` +
      `Max-Forwards: 70\r\n` +
      `To: <sip:${user}@${domain}>\r\n` +
      `From: <sip:${user}@${domain}>;tag=${this.fromTag}\r\n` +
      `Call-ID: ${this.callId}\r\n` +
      `CSeq: ${this.cseq} REGISTER\r\n` +
      `Contact: ${this.contact}\r\n` +
      `Expires: ${EXPIRES}\r\n` +
      `Allow: INVITE,ACK,CANCEL,BYE,OPTIONS,MESSAGE,INFO,NOTIFY\r\n` +
      `User-Agent: hotdesk-register-bench\r\n` +
      authorization +
      `Content-Length: 0\r\n\r\n`
    );
  }

  private transact(message: string): Promise<string> {
    const cseq = this.cseq;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending = null;
        reject(new Error(`no final response within ${TRANSACTION_TIMEOUT_MS} ms`));
      }, TRANSACTION_TIMEOUT_MS);
      this.pending = { cseq, resolve, reject, timer };
      this.ws.send(message);
    });
  }

  private onMessage(text: string): void {
    if (!text.startsWith('SIP/2.0 ')) return; // a request from the server (none expected while only registering)
    const pending = this.pending;
    if (!pending) return;
    const status = Number(text.slice(8, 11));
    if (status < 200) return; // provisional
    const cseq = Number(/\r\nCSeq:[ \t]*(\d+)/i.exec(text)?.[1]);
    if (cseq !== pending.cseq) return; // late answer to a REGISTER that already timed out
    clearTimeout(pending.timer);
    this.pending = null;
    pending.resolve(text);
  }
}
