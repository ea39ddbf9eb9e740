import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { parseResponse, type RawResponse } from '../../support/rawSipClient';

/** A request the PBX sent us, read with plain string handling (no code shared with the PBX's parser). */
export interface IncomingRequest {
  method: string;
  uri: string;
  text: string;
  headers: Map<string, string[]>;
  body: string;
  header(name: string): string | undefined;
}

export function parseRequest(text: string): IncomingRequest {
  const split = text.indexOf('\r\n\r\n');
  const head = split >= 0 ? text.slice(0, split) : text;
  const [requestLine = '', ...lines] = head.split('\r\n');
  const [method = '', uri = ''] = requestLine.split(' ');
  const headers = new Map<string, string[]>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    headers.set(name, [...(headers.get(name) ?? []), line.slice(colon + 1).trim()]);
  }
  return { method, uri, text, headers, body: split >= 0 ? text.slice(split + 4) : '', header: (name) => headers.get(name.toLowerCase())?.[0] };
}

/** A response with more than a status: header lines (a To tag, Contact) and a body (an SDP answer). */
export interface Reply {
  status: number;
  toTag?: string;
  headers?: string[];
  body?: string;
}

export interface OutgoingRequest {
  method: string;
  uri: string;
  callId: string;
  cseq: number;
  from: string;
  fromTag: string;
  to: string;
  toTag?: string;
  headers?: string[];
  body?: string;
}

/**
 * One SIP-over-WebSocket connection of a test phone: it writes requests as text, matches responses to them by
 * Call-ID and CSeq, and answers every request the PBX sends with what `onRequest` returns (200 by default).
 */
export class SipConnection {
  readonly host = `${randomBytes(4).toString('hex')}.invalid`;
  readonly contact = `<sip:phone@${this.host};transport=ws>`;
  onRequest: (request: IncomingRequest) => number | Reply = () => 200;
  private readonly pending = new Map<string, (response: RawResponse) => void>();
  private closed = false;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => this.receive(data.toString()));
    socket.on('close', () => (this.closed = true));
  }

  static async open(wsUrl: string): Promise<SipConnection> {
    const socket = new WebSocket(wsUrl, 'sip');
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new SipConnection(socket);
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  /** Sends a request and resolves with its final response. */
  request(request: OutgoingRequest): Promise<RawResponse> {
    const final = new Promise<RawResponse>((resolve) => this.pending.set(`${request.callId} ${request.cseq} ${request.method}`, resolve));
    this.send(requestText(request, this.host, this.contact));
    return final;
  }

  /** Sends a request that gets no response (ACK). */
  send(text: string): void {
    this.socket.send(text);
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      this.socket.once('close', () => resolve());
      this.socket.close();
    });
  }

  private receive(text: string): void {
    if (text.startsWith('SIP/2.0 ')) {
      const response = parseResponse(text);
      if (response.status < 200) return;
      const cseq = /^(\d+) (\S+)$/.exec(response.headers.get('cseq')?.[0] ?? '');
      const key = `${response.headers.get('call-id')?.[0]} ${cseq?.[1]} ${cseq?.[2]}`;
      this.pending.get(key)?.(response);
      this.pending.delete(key);
      return;
    }
    const request = parseRequest(text);
    if (request.method === 'ACK') return;
    this.socket.send(responseText(request, this.onRequest(request)));
  }
}

export function requestText(request: OutgoingRequest, host: string, contact: string): string {
  const body = request.body ?? '';
  return [
    `${request.method} ${request.uri} SIP/2.0`,
    `Via: SIP/2.0/WS ${host};branch=z9hG4bK${randomBytes(6).toString('hex')}`,
    'Max-Forwards: 70',
    `From: <${request.from}>;tag=${request.fromTag}`,
    `To: <${request.to}>${request.toTag ? `;tag=${request.toTag}` : ''}`,
    `Call-ID: ${request.callId}`,
    `CSeq: ${request.cseq} ${request.method}`,
    `Contact: ${contact}`,
    ...(request.headers ?? []),
    `Content-Length: ${Buffer.byteLength(body)}`,
    '',
    body,
  ].join('\r\n');
}

export function responseText(request: IncomingRequest, reply: number | Reply): string {
  const { status, toTag = randomBytes(4).toString('hex'), headers = [], body = '' } = typeof reply === 'number' ? { status: reply } : reply;
  const to = request.header('to') ?? '';
  return [
    `SIP/2.0 ${status} ${status === 200 ? 'OK' : 'Whatever'}`,
    ...(request.headers.get('via') ?? []).map((via) => `Via: ${via}`),
    `From: ${request.header('from')}`,
    `To: ${/;tag=/.test(to) ? to : `${to};tag=${toTag}`}`,
    `Call-ID: ${request.header('call-id')}`,
    `CSeq: ${request.header('cseq')}`,
    ...headers,
    `Content-Length: ${Buffer.byteLength(body)}`,
    '',
    body,
  ].join('\r\n');
}
