import { createHash, randomBytes } from 'node:crypto';
import WebSocket from 'ws';

export interface RawResponse {
  status: number;
  reason: string;
  headers: Map<string, string[]>;
  text: string;
}

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

/**
 * A deliberately plain SIP-over-WebSocket client for tests: it writes requests as text and reads responses with
 * regular expressions, so PBX behaviour is checked against an implementation that shares no code with the PBX.
 */
export class RawSipClient {
  readonly host = `${randomBytes(4).toString('hex')}.invalid`;
  private readonly inbox: string[] = [];
  private waiters: Array<() => void> = [];
  private cseq = 1;
  readonly callId = `${randomBytes(8).toString('hex')}@test`;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.inbox.push(data.toString());
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  static async connect(url: string, protocols: string | string[] = 'sip', options: WebSocket.ClientOptions = {}): Promise<RawSipClient> {
    const socket = new WebSocket(url, protocols, options);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new RawSipClient(socket);
  }

  send(text: string): void {
    this.socket.send(text);
  }

  /** The next message whose text matches, waiting for it; older messages that do not match stay queued. */
  async next(match: (text: string) => boolean = () => true): Promise<string> {
    for (;;) {
      const index = this.inbox.findIndex(match);
      if (index >= 0) return this.inbox.splice(index, 1)[0] as string;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  async response(cseq: number, method: string, final = true): Promise<RawResponse> {
    const text = await this.next((m) => {
      if (!m.startsWith('SIP/2.0 ') || !new RegExp(`^CSeq:\\s*${cseq} ${method}\\r$`, 'mi').test(m)) return false;
      return !final || !/^SIP\/2\.0 1\d\d /.test(m);
    });
    return parseResponse(text);
  }

  nextCSeq(): number {
    return this.cseq++;
  }

  request(
    method: string,
    uri: string,
    options: { from: string; to?: string; toTag?: string; cseq: number; headers?: string[]; body?: string; branch?: string },
  ): string {
    const body = options.body ?? '';
    return [
      `${method} ${uri} SIP/2.0`,
      `Via: SIP/2.0/WS ${this.host};branch=z9hG4bK${options.branch ?? randomBytes(6).toString('hex')}`,
      'Max-Forwards: 70',
      `From: <${options.from}>;tag=${this.host.slice(0, 8)}`,
      `To: <${options.to ?? uri}>${options.toTag ? `;tag=${options.toTag}` : ''}`,
      `Call-ID: ${this.callId}`,
      `CSeq: ${options.cseq} ${method}`,
      `Contact: <sip:raw@${this.host};transport=ws>`,
      ...(options.headers ?? []),
      `Content-Length: ${Buffer.byteLength(body)}`,
      '',
      body,
    ].join('\r\n');
  }

  /** REGISTER with digest auth (RFC 2617, qop=auth); resolves with the final status. */
  async register(user: string, password: string, domain = 'hotdesk.local', expires = 300): Promise<number> {
    const uri = `sip:${domain}`;
    const aor = `sip:${user}@${domain}`;
    let cseq = this.nextCSeq();
    this.send(this.request('REGISTER', uri, { from: aor, to: aor, cseq, headers: [`Expires: ${expires}`] }));
    const challenge = await this.response(cseq, 'REGISTER');
    if (challenge.status !== 401) return challenge.status;
    cseq = this.nextCSeq();
    const authorization = digestAuthorization(challenge.headers.get('www-authenticate')?.[0] ?? '', user, password, 'REGISTER', uri);
    this.send(this.request('REGISTER', uri, { from: aor, to: aor, cseq, headers: [`Expires: ${expires}`, `Authorization: ${authorization}`] }));
    return (await this.response(cseq, 'REGISTER')).status;
  }

  close(): void {
    this.socket.close();
  }
}

export function digestAuthorization(challenge: string, user: string, password: string, method: string, uri: string, nc = '00000001'): string {
  const field = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(challenge)?.[1] ?? '';
  const realm = field('realm');
  const nonce = field('nonce');
  const cnonce = randomBytes(8).toString('hex');
  const ha1 = md5(`${user}:${realm}:${password}`);
  const response = md5(`${ha1}:${nonce}:${nc}:${cnonce}:auth:${md5(`${method}:${uri}`)}`);
  return `Digest username="${user}", realm="${realm}", nonce="${nonce}", uri="${uri}", response="${response}", algorithm=MD5, cnonce="${cnonce}", qop=auth, nc=${nc}, opaque="${field('opaque')}"`;
}

/** The first value of a header in a raw message. */
export const headerOf = (text: string, name: string) => new RegExp(`^${name}: (.*)\\r$`, 'mi').exec(text)?.[1];
export const isRequest = (method: string) => (text: string) => text.startsWith(`${method} `);

/** Answers a request received by a raw client: copies Via, From, To (+ tag), Call-ID, CSeq (RFC 3261 §8.2.6). */
export function respondTo(client: RawSipClient, request: string, status: string, extra: string[] = [], toTag = 'callee'): void {
  const lines = request.split('\r\n');
  const copy = (name: string) => lines.filter((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  const to = copy('To').map((line) => (/;tag=/.test(line) || status.startsWith('100') ? line : `${line};tag=${toTag}`));
  const recordRoutes = status.startsWith('1') || status.startsWith('2') ? copy('Record-Route') : [];
  client.send(
    [`SIP/2.0 ${status}`, ...copy('Via'), ...recordRoutes, ...copy('From'), ...to, ...copy('Call-ID'), ...copy('CSeq'), `Contact: <sip:raw@${client.host};transport=ws>`, ...extra, 'Content-Length: 0', '', ''].join('\r\n'),
  );
}

export function parseResponse(text: string): RawResponse {
  const [head = ''] = text.split('\r\n\r\n');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const match = /^SIP\/2\.0 (\d{3}) ?(.*)$/.exec(statusLine);
  const headers = new Map<string, string[]>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    headers.set(name, [...(headers.get(name) ?? []), line.slice(colon + 1).trim()]);
  }
  return { status: Number(match?.[1]), reason: match?.[2] ?? '', headers, text };
}

/** A minimal but well-formed WebRTC-style audio offer, enough for signalling tests that never connect media. */
export const DUMMY_OFFER = [
  'v=0',
  'o=- 1 1 IN IP4 127.0.0.1',
  's=-',
  't=0 0',
  'm=audio 9 UDP/TLS/RTP/SAVPF 0 101',
  'c=IN IP4 0.0.0.0',
  'a=rtpmap:0 PCMU/8000',
  'a=rtpmap:101 telephone-event/8000',
  'a=sendrecv',
  '',
].join('\r\n');
