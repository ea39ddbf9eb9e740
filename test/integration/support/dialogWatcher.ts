import { randomBytes } from 'node:crypto';
import type { BlfState } from '../../../shared/domain/blfLayout';
import { blfStateOf, type DialogInfo, parseDialogInfo } from '../../../shared/sip/dialogInfo';
import { strictXmlParse as parseXml } from '../../support/strictXml';
import { parseResponse, type RawResponse, type RawSipClient } from './rawSipClient';

export interface Notification {
  callId: string;
  subscriptionState: string;
  info: DialogInfo;
  state: BlfState;
  receivedAt: number;
}

export interface Subscription {
  callId: string;
  extension: string;
  response: RawResponse;
  toTag: string;
  cseq: number;
}

const header = (text: string, name: string) => {
  const line = text.split('\r\n').find((candidate) => candidate.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(line.indexOf(':') + 1).trim();
};

/**
 * A watcher of the dialog event package over a RawSipClient (SIP written as text): subscribes, answers every NOTIFY
 * 200, and reads each NOTIFY's dialog-info with a real XML parser.
 */
export class DialogWatcher {
  readonly tag = randomBytes(4).toString('hex');

  constructor(
    readonly client: RawSipClient,
    readonly user: string,
    private readonly domain = 'hotdesk.local',
  ) {}

  /** Sends an out-of-dialog SUBSCRIBE; resolves with its final response (no NOTIFY is read here). */
  async subscribe(extension: string, options: { expires?: number; headers?: string[]; callId?: string } = {}): Promise<Subscription> {
    const callId = options.callId ?? `${randomBytes(8).toString('hex')}@watch`;
    const cseq = 1;
    this.client.send(this.request('SUBSCRIBE', `sip:${extension}@${this.domain}`, extension, callId, cseq, null, [
      `Expires: ${options.expires ?? 600}`,
      ...(options.headers ?? ['Accept: application/dialog-info+xml']),
    ]));
    const response = parseResponse(await this.client.next((text) => text.startsWith('SIP/2.0 ') && header(text, 'Call-ID') === callId && !/^SIP\/2\.0 1\d\d/.test(text)));
    const toTag = /;tag=([^;>\s]+)/.exec(response.headers.get('to')?.[0] ?? '')?.[1] ?? '';
    return { callId, extension, response, toTag, cseq };
  }

  /** An in-dialog SUBSCRIBE (refresh, or unsubscribe with 0); resolves with its final response. */
  async resubscribe(subscription: Subscription, expires: number): Promise<RawResponse> {
    subscription.cseq += 1;
    const target = `sip:${subscription.extension}@127.0.0.1;transport=ws`;
    this.client.send(this.request('SUBSCRIBE', target, subscription.extension, subscription.callId, subscription.cseq, subscription.toTag, [`Expires: ${expires}`]));
    const cseqLine = `${subscription.cseq} SUBSCRIBE`;
    return parseResponse(
      await this.client.next((text) => text.startsWith('SIP/2.0 ') && header(text, 'Call-ID') === subscription.callId && header(text, 'CSeq') === cseqLine && !/^SIP\/2\.0 1\d\d/.test(text)),
    );
  }

  /** The next NOTIFY (of this Call-ID, if given), answered 200. */
  async notification(callId?: string): Promise<Notification> {
    const text = await this.client.next((message) => message.startsWith('NOTIFY ') && (callId === undefined || header(message, 'Call-ID') === callId));
    return this.take(text);
  }

  /** For load runs: answers and reads every NOTIFY as it arrives, without queue scans. Use instead of notification(). */
  onNotification(listener: (notification: Notification) => void): void {
    this.client.socket.on('message', (data: Buffer) => {
      const text = data.toString();
      if (text.startsWith('NOTIFY ')) listener(this.take(text));
    });
  }

  private take(text: string): Notification {
    const receivedAt = performance.now();
    this.answer(text);
    const body = text.slice(text.indexOf('\r\n\r\n') + 4);
    const info = parseDialogInfo(body, parseXml);
    return { callId: header(text, 'Call-ID') ?? '', subscriptionState: header(text, 'Subscription-State') ?? '', info, state: blfStateOf(info), receivedAt };
  }

  /** NOTIFYs until one shows `state` (each earlier one is answered too). */
  async until(state: BlfState, callId?: string): Promise<Notification> {
    for (;;) {
      const notification = await this.notification(callId);
      if (notification.state === state) return notification;
    }
  }

  private answer(request: string): void {
    const lines = request.split('\r\n');
    const copy = (name: string) => lines.filter((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`));
    this.client.send([`SIP/2.0 200 OK`, ...copy('Via'), ...copy('From'), ...copy('To'), ...copy('Call-ID'), ...copy('CSeq'), 'Content-Length: 0', '', ''].join('\r\n'));
  }

  private request(method: string, uri: string, extension: string, callId: string, cseq: number, toTag: string | null, headers: string[]): string {
    return [
      `${method} ${uri} SIP/2.0`,
      `Via: SIP/2.0/WS ${this.client.host};branch=z9hG4bK${randomBytes(6).toString('hex')}`,
      'Max-Forwards: 70',
      `From: <sip:${this.user}@${this.domain}>;tag=${this.tag}`,
      `To: <sip:${extension}@${this.domain}>${toTag ? `;tag=${toTag}` : ''}`,
      `Call-ID: ${callId}`,
      `CSeq: ${cseq} ${method}`,
      `Contact: <sip:watch@${this.client.host};transport=ws>`,
      'Event: dialog',
      ...headers,
      'Content-Length: 0',
      '',
      '',
    ].join('\r\n');
  }
}
