// Test doubles and SIP text for the transaction and dialog tests: a Flow that records what is sent, a recording
// transaction user, predictable ids, and messages shaped like what JsSIP and the PBX put on a WebSocket.
import type { IdSource } from '../../../../electron/sip/clock/clock';
import {
  getHeaderLines,
  parseSipMessage,
  type SipMessage,
  type SipRequest,
  type SipResponse,
} from '../../../../electron/sip/message';
import type { ServerTransaction, TransactionUser } from '../../../../electron/sip/transaction';
import type { Flow } from '../../../../electron/sip/flow/flow';

export class FakeFlow implements Flow {
  readonly sent: string[] = [];
  open = true;
  readonly remoteAddress: string;
  readonly remotePort: number;
  readonly secure: boolean;
  /** Only set for flows that act as an unreliable transport. */
  readonly reliable?: boolean;

  constructor(
    readonly id = 'ws-1',
    options: { reliable?: boolean; remoteAddress?: string; remotePort?: number; secure?: boolean } = {},
  ) {
    this.remoteAddress = options.remoteAddress ?? '192.0.2.44';
    this.remotePort = options.remotePort ?? 50122;
    this.secure = options.secure ?? true;
    if (options.reliable !== undefined) this.reliable = options.reliable;
  }

  send(message: string): boolean {
    if (!this.open) return false;
    this.sent.push(message);
    return true;
  }

  close(): void {
    this.open = false;
  }

  /** Everything sent, parsed. */
  messages(): SipMessage[] {
    return this.sent.map(parse);
  }

  last(): SipMessage {
    const text = this.sent.at(-1);
    if (text === undefined) throw new Error('nothing sent');
    return parse(text);
  }

  lastResponse(): SipResponse {
    const message = this.last();
    if (message.kind !== 'response') throw new Error('the last message sent is not a response');
    return message;
  }

  lastRequest(): SipRequest {
    const message = this.last();
    if (message.kind !== 'request') throw new Error('the last message sent is not a request');
    return message;
  }

  statuses(): number[] {
    return this.messages().map((m) => (m.kind === 'response' ? m.status : -1));
  }
}

export function parse(text: string): SipMessage {
  const result = parseSipMessage(text);
  if (!result.ok) throw new Error(`unparsable test message: ${result.error.reason}`);
  return result.message;
}

export function parseRequest(text: string): SipRequest {
  const message = parse(text);
  if (message.kind !== 'request') throw new Error('not a request');
  return message;
}

const PLACEHOLDER_VIA = 'SIP/2.0/WSS placeholder.invalid;branch=z9hG4bKplaceholder';

/**
 * A request the PBX builds to send, from text: the parser insists on a Via, which an outgoing request gets from the
 * transaction layer, so a placeholder is parsed and taken out again.
 */
export function outgoing(text: string): SipRequest {
  const request = parseRequest(text.replace('\r\n', `\r\nVia: ${PLACEHOLDER_VIA}\r\n`));
  request.headers = request.headers.filter((header) => header.value !== PLACEHOLDER_VIA);
  return request;
}

export function parseResponse(text: string): SipResponse {
  const message = parse(text);
  if (message.kind !== 'response') throw new Error('not a response');
  return message;
}

/** Ids that say what they are and count: z9hG4bK-test-1, tag-1, call-1. */
export function countingIds(): IdSource {
  let n = 0;
  return {
    branch: () => `z9hG4bK-test-${++n}`,
    tag: () => `tag-${++n}`,
    callId: () => `call-${++n}`,
  };
}

type Event =
  | { kind: 'request'; tx: ServerTransaction; request: SipRequest; flow: Flow }
  | { kind: 'ack'; request: SipRequest; flow: Flow }
  | { kind: 'cancel'; tx: ServerTransaction; cancel: SipRequest }
  | { kind: 'stray'; response: SipResponse; flow: Flow };

/** A TransactionUser that records every call; `onRequestHook` lets a test answer at once. */
export class RecordingUser implements TransactionUser {
  readonly events: Event[] = [];
  onRequestHook: ((tx: ServerTransaction, request: SipRequest) => void) | undefined;

  onRequest(tx: ServerTransaction, request: SipRequest, flow: Flow): void {
    this.events.push({ kind: 'request', tx, request, flow });
    this.onRequestHook?.(tx, request);
  }
  onAck(request: SipRequest, flow: Flow): void {
    this.events.push({ kind: 'ack', request, flow });
  }
  onCancel(tx: ServerTransaction, cancel: SipRequest): void {
    this.events.push({ kind: 'cancel', tx, cancel });
  }
  onStrayResponse(response: SipResponse, flow: Flow): void {
    this.events.push({ kind: 'stray', response, flow });
  }

  kinds(): string[] {
    return this.events.map((event) => event.kind);
  }

  requests(): Array<Extract<Event, { kind: 'request' }>> {
    return this.events.filter((event): event is Extract<Event, { kind: 'request' }> => event.kind === 'request');
  }

  lastTx(): ServerTransaction {
    const event = this.requests().at(-1);
    if (event === undefined) throw new Error('no request reached the TU');
    return event.tx;
  }
}

export function sip(lines: string[], body = ''): string {
  const withLength = [...lines, `Content-Length: ${Buffer.byteLength(body)}`];
  return `${withLength.join('\r\n')}\r\n\r\n${body}`;
}

const SDP = ['v=0', 'o=- 4611731400430051336 2 IN IP4 127.0.0.1', 's=-', 't=0 0', 'm=audio 9 UDP/TLS/RTP/SAVPF 0 101', ''].join(
  '\r\n',
);

// --- What a JsSIP phone (Desk 12, extension 1001) sends to the PBX ---

export const CLIENT_BRANCH = 'z9hG4bK9201331';

export function clientInvite(branch = CLIENT_BRANCH): string {
  return sip(
    [
      'INVITE sip:1002@pbx.example.com SIP/2.0',
      `Via: SIP/2.0/WSS df7jal23ls0d.invalid;branch=${branch};rport`,
      'Max-Forwards: 69',
      'Record-Route: <sip:edge1.example.com;lr>, <sip:edge2.example.com;lr;transport=ws>',
      'Record-Route: <sip:edge3.example.com;lr>',
      'To: <sip:1002@pbx.example.com>',
      'From: "Desk 12" <sip:1001@pbx.example.com>;tag=hb2m1k0d7p',
      'Call-ID: 3o9gcq2rm4bbbm5rgm0t',
      'CSeq: 7003 INVITE',
      'Contact: <sip:9h2c6b1n@df7jal23ls0d.invalid;transport=ws;ob>',
      'Content-Type: application/sdp',
      'Allow: INVITE,ACK,CANCEL,BYE,UPDATE,MESSAGE,OPTIONS,REFER,INFO,NOTIFY',
      'Supported: timer,ice,replaces,outbound',
      'User-Agent: JsSIP 3.13.8',
    ],
    SDP,
  );
}

/** The ACK JsSIP sends for a non-2xx final: same branch as the INVITE, To with our tag. */
export function clientAck(toTag: string, branch = CLIENT_BRANCH): string {
  return sip([
    'ACK sip:1002@pbx.example.com SIP/2.0',
    `Via: SIP/2.0/WSS df7jal23ls0d.invalid;branch=${branch}`,
    'Max-Forwards: 69',
    `To: <sip:1002@pbx.example.com>;tag=${toTag}`,
    'From: "Desk 12" <sip:1001@pbx.example.com>;tag=hb2m1k0d7p',
    'Call-ID: 3o9gcq2rm4bbbm5rgm0t',
    'CSeq: 7003 ACK',
  ]);
}

export function clientCancel(branch = CLIENT_BRANCH): string {
  return sip([
    'CANCEL sip:1002@pbx.example.com SIP/2.0',
    `Via: SIP/2.0/WSS df7jal23ls0d.invalid;branch=${branch};rport`,
    'Max-Forwards: 69',
    'To: <sip:1002@pbx.example.com>',
    'From: "Desk 12" <sip:1001@pbx.example.com>;tag=hb2m1k0d7p',
    'Call-ID: 3o9gcq2rm4bbbm5rgm0t',
    'CSeq: 7003 CANCEL',
    'Reason: SIP;cause=487;text="Request Terminated"',
  ]);
}

export function clientRegister(branch = 'z9hG4bK5506712'): string {
  return sip([
    'REGISTER sip:pbx.example.com SIP/2.0',
    `Via: SIP/2.0/WSS df7jal23ls0d.invalid;branch=${branch}`,
    'Max-Forwards: 69',
    'To: <sip:1001@pbx.example.com>',
    'From: "Desk 12" <sip:1001@pbx.example.com>;tag=8q1hbcrpd2',
    'Call-ID: 0kf5k5jtnkoq1f1lakh3ia',
    'CSeq: 1 REGISTER',
    'Contact: <sip:9h2c6b1n@df7jal23ls0d.invalid;transport=ws>;+sip.ice;reg-id=1;expires=600',
    'Expires: 600',
    'User-Agent: JsSIP 3.13.8',
  ]);
}

// --- What the PBX sends (before the transaction layer adds its Via) ---

/** An INVITE the PBX forwards to 1002: the phone's Via below, a Route towards an edge proxy. */
export function pbxInvite(): string {
  return sip([
    'INVITE sip:k2b7r0qe@a8c1kk7p.invalid;transport=ws SIP/2.0',
    'Via: SIP/2.0/WSS df7jal23ls0d.invalid;branch=z9hG4bK9201331;received=192.0.2.44;rport=50122',
    'Route: <sip:edge1.example.com;lr>',
    'Route: <sip:edge2.example.com;lr>',
    'Max-Forwards: 68',
    'To: <sip:1002@pbx.example.com>',
    'From: "Desk 12" <sip:1001@pbx.example.com>;tag=hb2m1k0d7p',
    'Call-ID: 3o9gcq2rm4bbbm5rgm0t',
    'CSeq: 7003 INVITE',
    'Contact: <sip:9h2c6b1n@df7jal23ls0d.invalid;transport=ws;ob>',
  ]);
}

export function pbxOptions(): string {
  return sip([
    'OPTIONS sip:k2b7r0qe@a8c1kk7p.invalid;transport=ws SIP/2.0',
    'Max-Forwards: 70',
    'To: <sip:1002@pbx.example.com>',
    'From: <sip:pbx@pbx.example.com>;tag=keepalive1',
    'Call-ID: opt-5u3kq1',
    'CSeq: 1 OPTIONS',
  ]);
}

/**
 * A response to `request` (sent text) as the far end writes it: its Via lines, From, To (with `toTag` added),
 * Call-ID, CSeq; `topVia` replaces the top Via.
 */
export function responseTo(
  request: string,
  status: number,
  reason: string,
  options: { toTag?: string; headers?: string[]; topVia?: string } = {},
): string {
  const parsed = parseRequest(request);
  const vias = getHeaderLines(parsed, 'Via');
  if (options.topVia !== undefined) vias[0] = options.topVia;
  const one = (name: string) => getHeaderLines(parsed, name)[0] ?? '';
  const to = options.toTag !== undefined && !/;tag=/i.test(one('To')) ? `${one('To')};tag=${options.toTag}` : one('To');
  return sip([
    `SIP/2.0 ${status} ${reason}`,
    ...vias.map((via) => `Via: ${via}`),
    `From: ${one('From')}`,
    `To: ${to}`,
    `Call-ID: ${one('Call-ID')}`,
    `CSeq: ${one('CSeq')}`,
    ...(options.headers ?? []),
  ]);
}
